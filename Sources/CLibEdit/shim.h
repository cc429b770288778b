#ifndef ALQ_CLIBEDIT_SHIM_H
#define ALQ_CLIBEDIT_SHIM_H

/* libedit for alq. el_set, el_get and history are variadic, which Swift cannot call, so every use
 * alq makes of them has a non-variadic static inline wrapper here. Never include readline.h.
 *
 * libedit is loaded with dlopen when the REPL first needs it, not linked: a command that never edits a
 * line (`alq -c TEXT`, a script) then does not load it and the three libraries it needs, a fifth of a
 * tiny command's start-up (docs/benchmarks.md, "Start-up"). Swift calls only the alq_ functions here. */

#include <dlfcn.h>
#include <histedit.h>
#include <pthread.h>
#include <stddef.h>

/** libedit's functions alq calls, resolved together. */
typedef struct {
    __typeof__(el_init) *el_init;
    __typeof__(el_end) *el_end;
    __typeof__(el_gets) *el_gets;
    __typeof__(el_set) *el_set;
    __typeof__(el_get) *el_get;
    __typeof__(el_line) *el_line;
    __typeof__(el_insertstr) *el_insertstr;
    __typeof__(el_deletestr) *el_deletestr;
    __typeof__(el_resize) *el_resize;
    __typeof__(el_source) *el_source;
    __typeof__(history_init) *history_init;
    __typeof__(history_end) *history_end;
    __typeof__(history) *history;
    int loaded;
} alq_libedit_functions;

/* The state lives in function-local statics: Swift emits the inline functions it calls, not a header's
 * global variables. */
static inline alq_libedit_functions *alq_libedit_table(void) {
    static alq_libedit_functions table;
    return &table;
}

static inline void alq_libedit_load(void) {
    void *library = dlopen("libedit.so.2", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) library = dlopen("libedit.so", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return;
    alq_libedit_functions *f = alq_libedit_table();
    f->el_init = (__typeof__(f->el_init))dlsym(library, "el_init");
    f->el_end = (__typeof__(f->el_end))dlsym(library, "el_end");
    f->el_gets = (__typeof__(f->el_gets))dlsym(library, "el_gets");
    f->el_set = (__typeof__(f->el_set))dlsym(library, "el_set");
    f->el_get = (__typeof__(f->el_get))dlsym(library, "el_get");
    f->el_line = (__typeof__(f->el_line))dlsym(library, "el_line");
    f->el_insertstr = (__typeof__(f->el_insertstr))dlsym(library, "el_insertstr");
    f->el_deletestr = (__typeof__(f->el_deletestr))dlsym(library, "el_deletestr");
    f->el_resize = (__typeof__(f->el_resize))dlsym(library, "el_resize");
    f->el_source = (__typeof__(f->el_source))dlsym(library, "el_source");
    f->history_init = (__typeof__(f->history_init))dlsym(library, "history_init");
    f->history_end = (__typeof__(f->history_end))dlsym(library, "history_end");
    f->history = (__typeof__(f->history))dlsym(library, "history");
    f->loaded = f->el_init && f->el_end && f->el_gets && f->el_set && f->el_get && f->el_line &&
                         f->el_insertstr && f->el_deletestr && f->el_resize && f->el_source && f->history_init &&
                         f->history_end && f->history;
}

/** 1 when libedit could be loaded (once, on the first call), else 0. */
static inline int alq_libedit_available(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, alq_libedit_load);
    return alq_libedit_table()->loaded;
}

/* Every other function is called only with an EditLine or a History that alq_el_init or
 * alq_history_init returned, so libedit can be loaded; each object file including this header has its
 * own table, filled on its first call. */
#define ALQ_LIBEDIT (alq_libedit_available(), alq_libedit_table())

static inline EditLine *alq_el_init(const char *program, FILE *in, FILE *out, FILE *err) {
    return alq_libedit_available() ? ALQ_LIBEDIT->el_init(program, in, out, err) : NULL;
}
static inline History *alq_history_init(void) {
    return alq_libedit_available() ? ALQ_LIBEDIT->history_init() : NULL;
}
static inline void alq_el_end(EditLine *el) { ALQ_LIBEDIT->el_end(el); }
static inline void alq_history_end(History *h) { ALQ_LIBEDIT->history_end(h); }
static inline const char *alq_el_gets(EditLine *el, int *count) { return ALQ_LIBEDIT->el_gets(el, count); }
static inline const LineInfo *alq_el_line(EditLine *el) { return ALQ_LIBEDIT->el_line(el); }
static inline int alq_el_insertstr(EditLine *el, const char *text) { return ALQ_LIBEDIT->el_insertstr(el, text); }
static inline void alq_el_deletestr(EditLine *el, int count) { ALQ_LIBEDIT->el_deletestr(el, count); }
static inline void alq_el_resize(EditLine *el) { ALQ_LIBEDIT->el_resize(el); }
static inline int alq_el_source(EditLine *el, const char *path) { return ALQ_LIBEDIT->el_source(el, path); }

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

static inline int alq_el_set_getcfn(EditLine *el, alq_read_fn fn) { return ALQ_LIBEDIT->el_set(el, EL_GETCFN, fn); }
static inline int alq_el_set_prompt(EditLine *el, alq_prompt_fn fn) { return ALQ_LIBEDIT->el_set(el, EL_PROMPT, fn); }
static inline int alq_el_set_prompt_esc(EditLine *el, alq_prompt_fn fn, char esc) {
    return ALQ_LIBEDIT->el_set(el, EL_PROMPT_ESC, fn, esc);
}
static inline int alq_el_set_editor(EditLine *el, const char *mode) { return ALQ_LIBEDIT->el_set(el, EL_EDITOR, mode); }
static inline int alq_el_set_signal(EditLine *el, int on) { return ALQ_LIBEDIT->el_set(el, EL_SIGNAL, on); }
static inline int alq_el_set_history(EditLine *el, History *h) { return ALQ_LIBEDIT->el_set(el, EL_HIST, ALQ_LIBEDIT->history, h); }
static inline int alq_el_set_clientdata(EditLine *el, void *data) { return ALQ_LIBEDIT->el_set(el, EL_CLIENTDATA, data); }
static inline void *alq_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    ALQ_LIBEDIT->el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int alq_el_addfn(EditLine *el, const char *name, const char *help, alq_editor_fn fn) {
    return ALQ_LIBEDIT->el_set(el, EL_ADDFN, name, help, fn);
}
static inline int alq_el_bind(EditLine *el, const char *key, const char *command) {
    return ALQ_LIBEDIT->el_set(el, EL_BIND, key, command, NULL);
}
/** Puts the terminal in editing mode now (1) or restores it (0). */
static inline int alq_el_prep_term(EditLine *el, int on) { return ALQ_LIBEDIT->el_set(el, EL_PREP_TERM, on); }
static inline int alq_el_refresh(EditLine *el) { return ALQ_LIBEDIT->el_set(el, EL_REFRESH); }
static inline int alq_el_get_editor_is_vi(EditLine *el) {
    const char *mode = NULL;
    if (ALQ_LIBEDIT->el_get(el, EL_EDITOR, &mode) != 0 || mode == NULL) return 0;
    return mode[0] == 'v';
}

static inline int alq_history_setsize(History *h, int size) {
    HistEvent ev;
    return ALQ_LIBEDIT->history(h, &ev, H_SETSIZE, size);
}
static inline int alq_history_setunique(History *h, int unique) {
    HistEvent ev;
    return ALQ_LIBEDIT->history(h, &ev, H_SETUNIQUE, unique);
}
static inline int alq_history_enter(History *h, const char *line) {
    HistEvent ev;
    return ALQ_LIBEDIT->history(h, &ev, H_ENTER, line);
}
static inline int alq_history_load(History *h, const char *path) {
    HistEvent ev;
    return ALQ_LIBEDIT->history(h, &ev, H_LOAD, path);
}
static inline int alq_history_save(History *h, const char *path) {
    HistEvent ev;
    return ALQ_LIBEDIT->history(h, &ev, H_SAVE, path);
}
static inline int alq_history_clear(History *h) {
    HistEvent ev;
    return ALQ_LIBEDIT->history(h, &ev, H_CLEAR);
}
/** The oldest (`last`) or newest (`first`) entry's text, or NULL when the history is empty. */
static inline const char *alq_history_edge(History *h, int newest) {
    HistEvent ev;
    if (ALQ_LIBEDIT->history(h, &ev, newest ? H_FIRST : H_LAST) != 0) return NULL;
    return ev.str;
}
/** Moves one entry towards the newest (`H_PREV`) and returns its text, or NULL at the end. */
static inline const char *alq_history_newer(History *h) {
    HistEvent ev;
    if (ALQ_LIBEDIT->history(h, &ev, H_PREV) != 0) return NULL;
    return ev.str;
}

#endif
