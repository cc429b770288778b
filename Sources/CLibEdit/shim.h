#ifndef ALQ_CLIBEDIT_SHIM_H
#define ALQ_CLIBEDIT_SHIM_H

/* libedit for alq. el_set, el_get and history are variadic, which Swift cannot call, so every use
 * alq makes of them has a non-variadic static inline wrapper here. Never include readline.h. */

#include <histedit.h>
#include <stddef.h>

/** The callback type of a prompt. */
typedef char *(*alq_prompt_fn)(EditLine *);
/** The callback type of a user-defined editor function (bound to a key). */
typedef unsigned char (*alq_editor_fn)(EditLine *, int);

/** The C standard streams (Swift 6 cannot read the `stdin`/`stdout` globals safely). */
static inline FILE *alq_stdin(void) { return stdin; }
static inline FILE *alq_stdout(void) { return stdout; }
static inline FILE *alq_stderr(void) { return stderr; }

/** The callback type of a character reader (EL_GETCFN): 1 and a character, 0 at end of input, -1 on error. */
typedef int (*alq_read_fn)(EditLine *, wchar_t *);

static inline int alq_el_set_getcfn(EditLine *el, alq_read_fn fn) { return el_set(el, EL_GETCFN, fn); }
static inline int alq_el_set_prompt(EditLine *el, alq_prompt_fn fn) { return el_set(el, EL_PROMPT, fn); }
static inline int alq_el_set_prompt_esc(EditLine *el, alq_prompt_fn fn, char esc) {
    return el_set(el, EL_PROMPT_ESC, fn, esc);
}
static inline int alq_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int alq_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int alq_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int alq_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *alq_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int alq_el_addfn(EditLine *el, const char *name, const char *help, alq_editor_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int alq_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, NULL);
}
/** Puts the terminal in editing mode now (1) or restores it (0). */
static inline int alq_el_prep_term(EditLine *el, int on) { return el_set(el, EL_PREP_TERM, on); }
static inline int alq_el_refresh(EditLine *el) { return el_set(el, EL_REFRESH); }
static inline int alq_el_get_editor_is_vi(EditLine *el) {
    const char *mode = NULL;
    if (el_get(el, EL_EDITOR, &mode) != 0 || mode == NULL) return 0;
    return mode[0] == 'v';
}

static inline int alq_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int alq_history_setunique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int alq_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int alq_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int alq_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}
static inline int alq_history_clear(History *h) {
    HistEvent ev;
    return history(h, &ev, H_CLEAR);
}
/** The oldest (`last`) or newest (`first`) entry's text, or NULL when the history is empty. */
static inline const char *alq_history_edge(History *h, int newest) {
    HistEvent ev;
    if (history(h, &ev, newest ? H_FIRST : H_LAST) != 0) return NULL;
    return ev.str;
}
/** Moves one entry towards the newest (`H_PREV`) and returns its text, or NULL at the end. */
static inline const char *alq_history_newer(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_PREV) != 0) return NULL;
    return ev.str;
}

#endif
