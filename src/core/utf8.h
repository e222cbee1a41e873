/* Small UTF-8 primitives: validation, decoding, classes and widths. */
#ifndef GIP_UTF8_H
#define GIP_UTF8_H

#include <stddef.h>
#include <stdint.h>

size_t	utf8_valid_prefix(const char *s, size_t n);
size_t	utf8_decode(const char *s, size_t n, uint32_t *cp);
size_t	utf8_encode(uint32_t cp, char *out);
int	utf8_is_cjk(uint32_t cp);
int	utf8_is_wide(uint32_t cp);
size_t	utf8_width(const char *s, size_t n);

#endif
