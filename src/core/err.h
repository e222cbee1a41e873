/* Exit statuses, diagnostics and output checking shared by every gip tool. */
#ifndef GIP_ERR_H
#define GIP_ERR_H

#include <stdio.h>

/* Exit statuses of gip(7), the same in every tool. */
enum {
	GIP_OK = 0,		/* success; gip-check: no error found */
	GIP_FOUND = 1,		/* gip-check found errors */
	GIP_TROUBLE = 2		/* unreadable input, bad option, bad TSV */
};

#define GIP_VERSION "0.1.0"

extern const char *gip_prog;

void	gip_init(const char *prog);
void	gip_status(int status);
int	gip_exit_status(void);
void	gip_warn(const char *file, long line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	gip_error(const char *file, long line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	gip_fatal(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
void	gip_line_offset(long offset);
void	gip_check_output(FILE *fp);
int	gip_finish(void);
void	gip_version(void);
void	*gip_xmalloc(size_t n);
void	*gip_xrealloc(void *p, size_t n);
char	*gip_xstrdup(const char *s);

#endif
