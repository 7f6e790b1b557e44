#include "stepwise_signals.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>

static volatile sig_atomic_t pending = 0;
static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGTRAP };
static struct sigaction previous[sizeof(fatal_signals) / sizeof(fatal_signals[0])];

static void on_fatal(int sig) {
    endwin();
    for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) {
        if (fatal_signals[i] == sig) {
            sigaction(sig, &previous[i], NULL);
        }
    }
    raise(sig);
}

static void on_quit(int sig) { pending = sig; }

void stepwise_install_crash_handlers(void) {
    for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) {
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = on_fatal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND;
        sigaction(fatal_signals[i], &action, &previous[i]);
    }
}

void stepwise_install_quit_handlers(void) {
    const int quit_signals[] = { SIGTERM, SIGHUP, SIGINT };
    for (size_t i = 0; i < 3; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = on_quit;
        sigemptyset(&action.sa_mask);
        sigaction(quit_signals[i], &action, NULL);
    }
}

int stepwise_pending_signal(void) { return pending; }
