/*
 * pdftotext as a child process (pdfrun.h).  Its standard input is one
 * end of a socket pair, so that writing to a child that has already gone
 * (a PDF it gave up on) returns EPIPE instead of raising SIGPIPE, which
 * the tools keep for their own output.  Input and output are served in
 * one poll loop: the child may start printing before it has read all.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "pdfrun.h"

extern char **environ;

static const char install[] = "install poppler-utils (apt-get install "
    "poppler-utils)";

static int
spawn(const char *name, int in, int outfd, int maxpages, pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	char pages[24];
	char *argv[] = {"pdftotext", "-q", "-bbox-layout", "-enc", "UTF-8",
	    "-l", pages, "-", "-", NULL};
	int rc;

	snprintf(pages, sizeof pages, "%d", maxpages);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in, 0);
	posix_spawn_file_actions_adddup2(&fa, outfd, 1);
	rc = posix_spawnp(pid, "pdftotext", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc == ENOENT)
		gip_error(name, 0, "a PDF file, and pdftotext is not "
		    "installed: %s", install);
	else if (rc != 0)
		gip_error(name, 0, "cannot run pdftotext: %s", strerror(rc));
	return rc == 0 ? 0 : -1;
}

/* Feed pdf to fd `in` and collect fd `from` until it ends; 1 when the
 * output went over max (the child is then killed). */
static int
pump(int in, int from, const char *pdf, size_t n, size_t max, pid_t pid,
    struct buf *out)
{
	struct pollfd pf[2];
	size_t sent = 0;
	ssize_t r;

	fcntl(in, F_SETFL, fcntl(in, F_GETFL) | O_NONBLOCK);
	pf[0].fd = in;
	pf[0].events = POLLOUT;
	pf[1].fd = from;
	pf[1].events = POLLIN;
	for (;;) {
		if (pf[0].fd >= 0 && sent == n) {
			close(in);
			pf[0].fd = -1;
		}
		if (poll(pf, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (pf[0].fd >= 0 && pf[0].revents) {
			r = send(in, pdf + sent, n - sent, MSG_NOSIGNAL);
			if (r > 0)
				sent += r;
			else if (r < 0 && errno != EAGAIN && errno != EINTR)
				sent = n;	/* it stopped reading: wait */
		}
		if (pf[1].revents == 0)
			continue;
		buf_reserve(out, 1 << 16);
		r = read(from, out->p + out->len, 1 << 16);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		out->len += r;
		if (out->len > max) {
			kill(pid, SIGKILL);
			break;
		}
	}
	if (pf[0].fd >= 0)
		close(in);
	return out->len > max;
}

/* What pdftotext's exit status says, as a message; -1 if not ok. */
static int
judge(const char *name, int status)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFSIGNALED(status))
		gip_error(name, 0, "pdftotext died reading it (signal %d)",
		    WTERMSIG(status));
	else if (WEXITSTATUS(status) == 127)
		gip_error(name, 0, "a PDF file, and pdftotext cannot be run: "
		    "%s", install);
	else if (WEXITSTATUS(status) == 3)
		gip_error(name, 0, "a PDF whose permissions forbid copying "
		    "its text");
	else
		gip_error(name, 0, "a PDF that pdftotext cannot read "
		    "(damaged, truncated or password-protected)");
	return -1;
}

int
pdfrun_bbox(const char *name, const char *pdf, size_t n, int maxpages,
    size_t max, struct buf *out)
{
	int sv[2], pp[2], big, status;
	pid_t pid;

	out->len = 0;
	buf_reserve(out, 0);
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		gip_fatal("socketpair: %s", strerror(errno));
	if (pipe2(pp, O_CLOEXEC) < 0)
		gip_fatal("pipe: %s", strerror(errno));
	if (spawn(name, sv[1], pp[1], maxpages, &pid) < 0) {
		close(sv[0]), close(sv[1]), close(pp[0]), close(pp[1]);
		return -1;
	}
	close(sv[1]);
	close(pp[1]);
	big = pump(sv[0], pp[0], pdf, n, max, pid, out);
	close(pp[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			gip_fatal("waitpid: %s", strerror(errno));
	out->p[out->len] = '\0';
	if (big > 0) {
		gip_error(name, 0, "a PDF with more text than gip reads "
		    "(over %zu MiB of word boxes); split it", max >> 20);
		return -1;
	}
	if (big < 0) {
		gip_error(name, 0, "reading pdftotext's output: %s",
		    strerror(errno));
		return -1;
	}
	return judge(name, status);
}
