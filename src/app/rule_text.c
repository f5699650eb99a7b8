/* Rule figures read and cited (rule_text.h), for the procurement instruments
 * and the consortium programmes alike. */
#include "app/rule_text.h"

int app_rule_figure(json_t *rules, const char *key, double *out, struct df_err *err)
{
    json_t *v = json_object_get(json_object_get(rules, key), "value");
    if (!json_is_number(v))
        return df_err_set(err, DF_ERR_INPUT, "%s.value is missing or not a number", key);
    *out = json_number_value(v);
    return 0;
}

const char *app_rule_cite(json_t *rules, const char *key, const char *what, struct arena *a)
{
    json_t *f = json_object_get(rules, key);
    if (!json_is_object(f))
        return "";
    const char *article = json_string_value(json_object_get(f, "article"));
    const char *status = json_string_value(json_object_get(f, "status"));
    return arena_printf(a, "%s (%s, %s); ", what, article ? article : "article not given",
                        status ? status : "status not given");
}
