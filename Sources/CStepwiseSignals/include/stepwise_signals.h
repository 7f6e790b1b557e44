#ifndef STEPWISE_SIGNALS_H
#define STEPWISE_SIGNALS_H

/// Installs handlers for fatal signals (SEGV, BUS, ABRT, FPE, ILL, TRAP) that give the
/// terminal back (endwin) and then re-raise the signal with its previous handler.
void stepwise_install_crash_handlers(void);

/// Installs handlers for SIGTERM, SIGHUP and SIGINT that only record the signal;
/// the event loop polls it with stepwise_pending_signal().
void stepwise_install_quit_handlers(void);

/// The last quit signal received (SIGTERM, SIGHUP or SIGINT), or 0 if none.
int stepwise_pending_signal(void);

#endif
