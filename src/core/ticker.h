/* A thread of its own that does one thing again and again: at once, then
 * every so many seconds, until stopped (the mail sender, the backups). */
#ifndef DFNC_CORE_TICKER_H
#define DFNC_CORE_TICKER_H

struct ticker;

/* Starts a thread that calls tick(ud) at once and then `every` seconds
 * after each call ends. NULL when no thread could be started. */
struct ticker *ticker_start(int every, void (*tick)(void *ud), void *ud);

/* Wakes t's thread from its wait, waits for the call under way to end, and
 * frees t (NULL: nothing). tick is not called again. */
void ticker_stop(struct ticker *t);

#endif
