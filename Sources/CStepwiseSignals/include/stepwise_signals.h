#ifndef STEPWISE_SIGNALS_H
#define STEPWISE_SIGNALS_H

/// Installs handlers for fatal signals (SEGV, BUS, ABRT, FPE, ILL, TRAP) that give the
/// terminal back (bracketed paste off, endwin) and then re-raise the signal with its
/// previous handler.
void stepwise_install_crash_handlers(void);

/// Installs handlers for SIGTERM, SIGHUP and SIGINT that only record the signal;
/// the event loop polls it with stepwise_pending_signal().
void stepwise_install_quit_handlers(void);

/// The last quit signal received (SIGTERM, SIGHUP or SIGINT), or 0 if none.
int stepwise_pending_signal(void);

/// Installs a handler for SIGTSTP (a suspend asked for from outside, e.g. `kill -TSTP`) that
/// only records it; the event loop polls it with stepwise_take_suspend_request().
void stepwise_install_suspend_handler(void);

/// 1 once if a SIGTSTP arrived since the last call, else 0.
int stepwise_take_suspend_request(void);

/// Stops the process as a shell's job control expects (SIGTSTP with its default action)
/// and returns once it is continued (SIGCONT). The caller gives the terminal back first
/// and takes it again after.
void stepwise_stop_until_continued(void);

/// Turns the terminal's bracketed paste mode on (1) or off (0): pasted text then arrives
/// between ESC [200~ and ESC [201~. The crash handler turns it off if it is on.
void stepwise_set_bracketed_paste(int on);

#endif
