/* libFuzzer harness for the .dzn reader (and, for small instances it accepts,
 * the scheduler behind it): any bytes in, an instance or a clean FILE:LINE error
 * out, never a crash, a leak or undefined behaviour. Run: make fuzz-dzn */
#include <stdint.h>
#include <string.h>

#include "app/schedule.h"
#include "io/dzn.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct arena a;
    struct dzn_b2b d;
    struct df_err err = {0};
    arena_init(&a, 64u << 20);
    if (dzn_parse("fuzz.dzn", (const char *)data, size, &a, &d, &err) < 0) {
        if (strncmp(err.msg, "fuzz.dzn:", 9) != 0 && err.kind == DF_ERR_INPUT)
            __builtin_trap();   /* every input error names FILE:LINE */
        goto out;
    }
    for (int m = 0; m < d.n_meetings; m++)
        if (d.meet_a[m] < 1 || d.meet_a[m] > d.n_business || d.meet_b[m] < 1 ||
            d.meet_b[m] > d.n_business || d.fixed[m] < 0 || d.fixed[m] > d.n_slots)
            __builtin_trap();
    if (d.n_meetings <= 40 && d.n_slots <= 24 && d.n_business <= 40) {
        struct sched_problem p;
        struct sched_solution s;
        char msg[128];
        if (app_dzn_problem(&d, (int)(size % 3), &a, &p, &err) == 0) {
            p.time_limit = 0.02;
            p.max_moves = 300;
            if (sched_solve(&p, &s, msg, sizeof msg) == 0) {
                for (int m = 0; m < d.n_meetings; m++)
                    if (s.slot[m] < -1 || s.slot[m] >= d.n_slots)
                        __builtin_trap();
                sched_solution_free(&s);
            }
        }
    }
out:
    arena_free(&a);
    return 0;
}
