/* The allocation LP (see lp.h). Columns: x per eligible (demand, supply) pair
 * and, per supplier and distinct deadline, y = units delivered by then. Rows:
 * each demand's quantity caps its x; per supplier a chain y_t = y_{t-1} + the
 * x of deadline t, with 0 <= y_t <= capacity by t. Phase 1 maximises units;
 * phase 2 keeps them and minimises cost. The matrix is a network matrix, so
 * phase 1's optimum is integral and comparable with the flow. */
#include "engine/procure/lp.h"

#include <glpk.h>
#include <stdlib.h>
#include <string.h>

struct triplets {
    int *ia, *ja;
    double *ar;
    int n, cap;
};

static int put(struct triplets *t, int row, int col, double v)
{
    if (t->n + 2 > t->cap) {
        int c = t->cap ? 2 * t->cap : 4096;
        int *ia = realloc(t->ia, sizeof *ia * (size_t)c);
        if (!ia)
            return -1;
        t->ia = ia;
        int *ja = realloc(t->ja, sizeof *ja * (size_t)c);
        if (!ja)
            return -1;
        t->ja = ja;
        double *ar = realloc(t->ar, sizeof *ar * (size_t)c);
        if (!ar)
            return -1;
        t->ar = ar;
        t->cap = c;
    }
    t->n++;                          /* GLPK counts from 1 */
    t->ia[t->n] = row;
    t->ja[t->n] = col;
    t->ar[t->n] = v;
    return 0;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static bool usable(const struct procure_problem *p, const char *in_lot, int i,
                   const struct procure_supply *x)
{
    return in_lot[i] && procure_pair_is_eligible(p->rules, &p->demands[i], x) &&
           procure_capacity_by(x, p->as_of, p->demands[i].deadline) > 0;
}

int procure_lp_optimum(const struct procure_problem *p, const struct procure_solution *sol,
                       double *units, double *cost_eur, struct df_err *err)
{
    int rc = -1, dn = p->demands_n;
    struct triplets t = {0};
    char *in_lot = calloc((size_t)dn + 1, 1);
    int *dl = malloc(sizeof *dl * ((size_t)dn + 1));
    double *price = NULL;            /* per column; < 0 for y columns */
    int price_cap = 0;
    glp_prob *lp = glp_create_prob();
    if (!in_lot || !dl)
        goto oom;
    for (int l = 0; l < sol->lots_n; l++)
        for (int k = 0; k < sol->lots[l].demands_n; k++)
            in_lot[sol->lots[l].demands[k]] = 1;
    glp_set_obj_dir(lp, GLP_MAX);
    if (dn > 0)
        glp_add_rows(lp, dn);
    for (int i = 0; i < dn; i++)
        glp_set_row_bnds(lp, i + 1, GLP_UP, 0, in_lot[i] ? (double)p->demands[i].quantity : 0);
    for (int j = 0; j < p->supplies_n; j++) {
        const struct procure_supply *x = &p->supplies[j];
        int n = 0;
        for (int i = 0; i < dn; i++)
            if (usable(p, in_lot, i, x))
                dl[n++] = p->demands[i].deadline;
        qsort(dl, (size_t)n, sizeof *dl, cmp_int);
        int u = 0;
        for (int k = 0; k < n; k++)
            if (u == 0 || dl[u - 1] != dl[k])
                dl[u++] = dl[k];
        if (u == 0)
            continue;
        int row0 = glp_add_rows(lp, u), y0 = glp_add_cols(lp, u);
        int xs = 0;
        for (int i = 0; i < dn; i++)
            xs += usable(p, in_lot, i, x);
        int x0 = glp_add_cols(lp, xs), last = x0 + xs;
        if (last >= price_cap) {
            price_cap = 2 * last + 64;
            double *np = realloc(price, sizeof *np * (size_t)price_cap);
            if (!np)
                goto oom;
            price = np;
        }
        for (int k = 0; k < u; k++) {
            glp_set_row_bnds(lp, row0 + k, GLP_FX, 0, 0);
            glp_set_col_bnds(lp, y0 + k, GLP_DB, 0, (double)procure_capacity_by(x, p->as_of, dl[k]));
            price[y0 + k] = -1;
            if (put(&t, row0 + k, y0 + k, 1) < 0 || (k > 0 && put(&t, row0 + k, y0 + k - 1, -1) < 0))
                goto oom;
        }
        int c = x0;
        for (int i = 0; i < dn; i++) {
            if (!usable(p, in_lot, i, x))
                continue;
            int k = (int)((int *)bsearch(&p->demands[i].deadline, dl, (size_t)u, sizeof *dl,
                                         cmp_int) - dl);
            glp_set_col_bnds(lp, c, GLP_LO, 0, 0);
            glp_set_obj_coef(lp, c, 1);
            price[c] = (double)x->price_cents / 100.0;
            if (put(&t, i + 1, c, 1) < 0 || put(&t, row0 + k, c, -1) < 0)
                goto oom;
            c++;
        }
    }
    *units = *cost_eur = 0;
    int ncols = glp_get_num_cols(lp);
    if (ncols == 0) {
        rc = 0;
        goto out;
    }
    glp_load_matrix(lp, t.n, t.ia, t.ja, t.ar);
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    if (glp_simplex(lp, &parm) != 0 || glp_get_status(lp) != GLP_OPT) {
        df_err_set(err, DF_ERR_RUNTIME, "GLPK: no optimum for the most units");
        goto out;
    }
    *units = glp_get_obj_val(lp);
    /* Phase 2: at least that many units (integral: a network LP), least cost. */
    int *ind = malloc(sizeof *ind * ((size_t)ncols + 1));
    double *val = malloc(sizeof *val * ((size_t)ncols + 1));
    if (!ind || !val) {
        free(ind);
        free(val);
        goto oom;
    }
    int k = 0;
    for (int col = 1; col <= ncols; col++) {
        bool is_x = price[col] >= 0;
        glp_set_obj_coef(lp, col, is_x ? price[col] : 0);
        if (is_x) {
            k++;
            ind[k] = col;
            val[k] = 1;
        }
    }
    int r = glp_add_rows(lp, 1);
    glp_set_mat_row(lp, r, k, ind, val);
    glp_set_row_bnds(lp, r, GLP_LO, *units - 1e-6, 0);
    free(ind);
    free(val);
    glp_set_obj_dir(lp, GLP_MIN);
    parm.presolve = GLP_OFF;          /* warm start from phase 1's basis */
    if (glp_simplex(lp, &parm) != 0 || glp_get_status(lp) != GLP_OPT) {
        df_err_set(err, DF_ERR_RUNTIME, "GLPK: no optimum for the least cost");
        goto out;
    }
    *cost_eur = glp_get_obj_val(lp);
    rc = 0;
    goto out;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "procure LP: out of memory");
out:
    glp_delete_prob(lp);
    free(t.ia);
    free(t.ja);
    free(t.ar);
    free(price);
    free(dl);
    free(in_lot);
    return rc;
}
