/* The forum's clock (forum_clock.h). */
#include "core/forum_clock.h"

#include <time.h>

#include "core/clock.h"

struct forum_clock forum_clock_set(long long start, bool still)
{
    return (struct forum_clock){.start = start, .still = still, .set_at = clock_seconds()};
}

long long forum_clock_now(const struct forum_clock *c)
{
    if (!c->start)
        return (long long)time(NULL);
    if (c->still)
        return c->start;
    return c->start + (long long)(clock_seconds() - c->set_at);
}
