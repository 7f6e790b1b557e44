#ifndef STEPWISE_CNCURSES_SHIM_H
#define STEPWISE_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Accessors for globals and macros that Swift 6 cannot read directly. */
static inline WINDOW *sw_stdscr(void) { return stdscr; }
static inline int sw_lines(void) { return LINES; }
static inline int sw_cols(void) { return COLS; }
static inline int sw_key_resize(void) { return KEY_RESIZE; }
static inline int sw_key_code_yes(void) { return KEY_CODE_YES; }
static inline attr_t sw_a_normal(void) { return A_NORMAL; }
static inline attr_t sw_a_bold(void) { return A_BOLD; }
static inline attr_t sw_a_reverse(void) { return A_REVERSE; }
static inline attr_t sw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sw_a_dim(void) { return A_DIM; }
static inline attr_t sw_color_pair(int n) { return COLOR_PAIR(n); }
static inline int sw_set_locale(void) { return setlocale(LC_ALL, "") != NULL; }
#endif
