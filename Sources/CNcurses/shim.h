#ifndef STEPWISE_CNCURSES_SHIM_H
#define STEPWISE_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

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

/* True when the character type locale (LC_CTYPE) encodes text as UTF-8. */
static inline int sw_ctype_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

/* Sets LC_CTYPE the way tmux does: the locale of the environment when it is UTF-8, else a
   UTF-8 locale that exists (the environment's language and territory in UTF-8, such as
   da_DK.UTF-8 for da_DK.ISO-8859-1, then C.UTF-8, then en_US.UTF-8). Only LC_CTYPE changes:
   numbers and dates are not formatted by the C library. Returns 1 when LC_CTYPE is UTF-8
   afterwards, 0 when no UTF-8 locale exists. */
static inline int sw_use_utf8_ctype(void) {
    if (setlocale(LC_CTYPE, "") != NULL && sw_ctype_is_utf8()) return 1;
    const char *variables[] = { "LC_ALL", "LC_CTYPE", "LANG" };
    for (size_t i = 0; i < 3; i++) {
        const char *value = getenv(variables[i]);
        if (value == NULL || value[0] == '\0') continue;
        char name[64];
        size_t length = strcspn(value, ".@");
        if (length == 0 || length > sizeof(name) - 7) break;
        memcpy(name, value, length);
        memcpy(name + length, ".UTF-8", 7);
        if (setlocale(LC_CTYPE, name) != NULL && sw_ctype_is_utf8()) return 1;
        break;
    }
    const char *fallbacks[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8" };
    for (size_t i = 0; i < 3; i++) {
        if (setlocale(LC_CTYPE, fallbacks[i]) != NULL && sw_ctype_is_utf8()) return 1;
    }
    setlocale(LC_CTYPE, "C");
    return 0;
}

/* What the terminal named by $TERM can do for a full screen: 0 it can (it is known and can
   move the cursor anywhere, terminfo `cup`), 1 it is not known (or $TERM is unset), 2 it
   cannot address the cursor (such as TERM=dumb). */
static inline int sw_terminal_support(void) {
    int error = 0;
    if (setupterm(NULL, STDOUT_FILENO, &error) != OK) return 1;
    const char *cup = tigetstr("cup");
    int result = (cup == NULL || cup == (char *)-1) ? 2 : 0;
    del_curterm(cur_term); /* also clears cur_term, for the screen set up later */
    return result;
}
#endif
