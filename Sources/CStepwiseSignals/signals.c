#include "stepwise_signals.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>

static volatile sig_atomic_t pending = 0;
static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGTRAP };
static struct sigaction previous[sizeof(fatal_signals) / sizeof(fatal_signals[0])];

/* Gives the terminal back, lets the previous handler (Swift's crash report) run, and then
   makes sure the process ends by the signal even if that handler returns (as it does for a
   signal sent with kill, where no faulting instruction repeats). */
static void on_fatal(int sig, siginfo_t *info, void *context) {
    endwin();
    for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) {
        if (fatal_signals[i] != sig) continue;
        struct sigaction prior = previous[i];
        if ((prior.sa_flags & SA_SIGINFO) && prior.sa_sigaction != NULL) {
            prior.sa_sigaction(sig, info, context);
        } else if (prior.sa_handler != SIG_DFL && prior.sa_handler != SIG_IGN && prior.sa_handler != NULL) {
            prior.sa_handler(sig);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig); /* blocked while this handler runs: delivered, with its default action, on return */
}

static void on_quit(int sig) { pending = sig; }

void stepwise_install_crash_handlers(void) {
    for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) {
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_sigaction = on_fatal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_SIGINFO | SA_RESETHAND;
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
