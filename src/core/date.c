/* Real dates and times (see date.h). */
#include "core/date.h"

#include <stddef.h>
#include <string.h>
#include <time.h>

/* The number the n digits at s spell, or -1 when one is not a digit. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static bool is_day(const char *s)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /* each part read only once the one before it matched: s may be short */
    int y = digits(s, 4), m, d;
    if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX || s[4] != '-' || (m = digits(s + 5, 2)) < 1 || m > 12 || s[7] != '-' ||
        (d = digits(s + 8, 2)) < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

bool date_is_valid(const char *s) { return s && is_day(s) && s[10] == '\0'; }

int date_year(const char *s) { return s ? digits(s, 4) : -1; }

/* "HH:MM" within a day (or an offset) at s. */
static bool is_clock(const char *s)
{
    int h = digits(s, 2), m;
    return h >= 0 && h <= 23 && s[2] == ':' && (m = digits(s + 3, 2)) >= 0 && m <= 59;
}

bool date_time_is_valid(const char *s)
{
    if (!s || !is_day(s) || s[10] != 'T' || !is_clock(s + 11))
        return false;
    const char *p = s + 16;
    if (*p == ':') {
        int sec = digits(p + 1, 2);
        if (sec < 0 || sec > 59)
            return false;
        p += 3;
        if (*p == '.') {
            const char *f = ++p;
            while (*p >= '0' && *p <= '9')
                p++;
            if (p == f)
                return false;
        }
    }
    if (*p == 'Z')
        return p[1] == '\0';
    if (*p == '+' || *p == '-') {
        /* the offsets clocks on Earth keep: UTC-12:00 to UTC+14:00 */
        int most = *p++ == '+' ? 14 : 12;
        int h = digits(p, 2), m = 0;
        if (h < 0 || h > most)
            return false;
        if (p[2] != '\0') {
            m = digits(p + 2 + (p[2] == ':'), 2);
            if (m < 0 || m > 59 || p[4 + (p[2] == ':')] != '\0')
                return false;
        }
        return h < most || m == 0;
    }
    return *p == '\0';
}

bool date_time_offset(const char *s, int *minutes)
{
    const char *p = s + 16;   /* after "YYYY-MM-DDTHH:MM" */
    while (*p && *p != 'Z' && *p != '+' && *p != '-')
        p++;
    if (*p == '\0')
        return false;
    if (*p == 'Z') {
        *minutes = 0;
        return true;
    }
    int h = digits(p + 1, 2), m = p[3] == '\0' ? 0 : digits(p + 3 + (p[3] == ':'), 2);
    *minutes = (*p == '-' ? -1 : 1) * (h * 60 + m);
    return true;
}

int date_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

long date_wall_minutes(const char *s)
{
    if (strnlen(s, 16) < 16 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') ||
        s[13] != ':')
        return -1;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2), h = digits(s + 11, 2),
        min = digits(s + 14, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || h < 0 || min < 0)
        return -1;
    long days = date_days_from_civil(y, m, d) + 719468L;   /* 0000-03-01 is day 0 */
    return days * 1440L + h * 60 + min;
}

bool date_time_instant(const char *s, long long *utc)
{
    int offset = 0;
    if (!date_time_is_valid(s) || !date_time_offset(s, &offset))
        return false;
    /* the wall clock's minutes since 1970, less its offset east of UTC */
    long long minutes = date_wall_minutes(s) - 719468LL * 1440LL - offset;
    int seconds = s[16] == ':' ? digits(s + 17, 2) : 0;
    *utc = minutes * 60 + seconds;
    return true;
}

void date_utc_text(long long utc, char out[DATE_UTC_TEXT_SIZE])
{
    time_t t = (time_t)utc;
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(out, DATE_UTC_TEXT_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm))
        out[0] = '\0';
}
