/*
 * A library loaded (dlopen) when the first input that needs it comes,
 * not at every start (xmlload.c, zippart.c): its functions are looked
 * for in the program first (the fuzz and sanitizer builds link it),
 * then in the library by the soname the build found.
 */
#ifndef GIP_LIBLOAD_H
#define GIP_LIBLOAD_H

struct libload {
	const char	*soname;	/* dlopen's name (Makefile) */
	const char	*lib;		/* its name in messages: "libzip" */
	const char	*reads;		/* what it reads, for messages */
	int		(*resolve)(void *handle);	/* its functions
					 * found in handle; 0 if one is missing */
	int		 state;		/* 0 not tried, 1 loaded, -1 failed */
	char		 why[512];	/* why it failed */
};

/* l's library loaded (tried once); 0 after a message naming `name`. */
int	libload(struct libload *l, const char *name);

#endif
