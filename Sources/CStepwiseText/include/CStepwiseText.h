#ifndef CSTEPWISE_TEXT_H
#define CSTEPWISE_TEXT_H

/// The C library's wcwidth(3) for one Unicode scalar: the columns a terminal gives it
/// (0, 1 or 2), or -1 when it is not printable. Answers under the calling thread's LC_CTYPE.
/// (Swift's Glibc module does not declare wcwidth, which needs _XOPEN_SOURCE.)
int sw_wcwidth(unsigned int scalar);

#endif
