#include "stepwise_signals.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>

static volatile sig_atomic_t pending = 0;
static volatile sig_atomic_t suspend_requested = 0;
static volatile sig_atomic_t bracketed_paste = 0;
static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGTRAP };
static struct sigaction previous[sizeof(fatal_signals) / sizeof(fatal_signals[0])];

/* The xterm private mode 2004 (bracketed paste), as every terminal that knows it spells it. */
static const char paste_on[] = "\033[?2004h";
static const char paste_off[] = "\033[?2004l";

void stepwise_set_bracketed_paste(int on) {
    const char *sequence = on ? paste_on : paste_off;
    ssize_t written = write(STDOUT_FILENO, sequence, strlen(sequence));
    (void)written; /* a terminal that is gone (SIGHUP) needs no mode turned off */
    bracketed_paste = on;
}

/* Gives the terminal back, lets the previous handler (Swift's crash report) run, and then
   makes sure the process ends by the signal even if that handler returns (as it does for a
   signal sent with kill, where no faulting instruction repeats). */
static void on_fatal(int sig, siginfo_t *info, void *context) {
    if (bracketed_paste) {
        ssize_t written = write(STDOUT_FILENO, paste_off, sizeof(paste_off) - 1);
        (void)written;
        bracketed_paste = 0;
    }
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

static void on_suspend(int sig) {
    (void)sig;
    suspend_requested = 1;
}

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

static void install(int sig, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    sigaction(sig, &action, NULL);
}

void stepwise_install_quit_handlers(void) {
    const int quit_signals[] = { SIGTERM, SIGHUP, SIGINT };
    for (size_t i = 0; i < 3; i++) install(quit_signals[i], on_quit);
}

int stepwise_pending_signal(void) { return pending; }

void stepwise_install_suspend_handler(void) { install(SIGTSTP, on_suspend); }

int stepwise_take_suspend_request(void) {
    int requested = suspend_requested;
    suspend_requested = 0;
    return requested;
}

void stepwise_stop_until_continued(void) {
    install(SIGTSTP, SIG_DFL);
    sigset_t tstp, before;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &tstp, &before);
    raise(SIGTSTP); /* stops here; returns after SIGCONT */
    sigprocmask(SIG_SETMASK, &before, NULL);
    install(SIGTSTP, on_suspend);
}
