/* One-line structured logs on stderr ("ts=... level=info event=... key=value").
 * Callers never pass secrets: passwords, tokens and cookies are not logged. */
#ifndef DFNC_CORE_LOG_H
#define DFNC_CORE_LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

void log_set_level(enum log_level level);
/* fmt continues the line after "ts=... level=..."; a newline is added. Thread-safe. */
void log_msg(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
