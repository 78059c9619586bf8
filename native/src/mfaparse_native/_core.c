/* mfaparse's optional native core: the per-line loops of dedup and of splitting a source into lines, and the
 * whole-word search of TASS quotes.
 *
 * Each function does exactly what its pure-Python reference in mfaparse does (named in its docstring); the
 * differential tests (tests/test_native.py) run both on random and corpus input and demand the same results.
 * Only the CPython API is used: no third-party code. Text is compared as Python compares it (str equality,
 * str.rstrip()'s whitespace, str.endswith / str.startswith), so the semantics cannot drift from the reference.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_records.h"
#include "_scan.h"
#include "_words.h"

/* line.rstrip().endswith(suffixes): 1, 0, or -1 with an exception set. */
static int
ends_truncated(PyObject *line, PyObject *suffixes)
{
    Py_ssize_t end = PyUnicode_GET_LENGTH(line);
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    while (end > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1))) {
        end--;
    }
    Py_ssize_t count = PyTuple_GET_SIZE(suffixes);
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_ssize_t hit = PyUnicode_Tailmatch(line, PyTuple_GET_ITEM(suffixes, k), 0, end, 1);
        if (hit != 0) {
            return (int)hit;
        }
    }
    return 0;
}

/* The lists a function takes: all lists, of one length, of str (lines, keys) and bool (markers). */
static int
check_lines(PyObject *lines, PyObject *keys, PyObject *markers, PyObject *suffixes)
{
    if (!PyList_Check(lines) || !PyList_Check(keys) || !PyList_Check(markers)) {
        PyErr_SetString(PyExc_TypeError, "lines, keys and markers must be lists");
        return -1;
    }
    if (!PyTuple_Check(suffixes)) {
        PyErr_SetString(PyExc_TypeError, "suffixes must be a tuple of str");
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(lines);
    if (PyList_GET_SIZE(keys) != n || PyList_GET_SIZE(markers) != n) {
        PyErr_SetString(PyExc_ValueError, "lines, keys and markers must have one length");
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyUnicode_Check(PyList_GET_ITEM(lines, i)) || !PyUnicode_Check(PyList_GET_ITEM(keys, i))) {
            PyErr_SetString(PyExc_TypeError, "lines and keys must hold str");
            return -1;
        }
        if (!PyBool_Check(PyList_GET_ITEM(markers, i))) {
            PyErr_SetString(PyExc_TypeError, "markers must hold bool");
            return -1;
        }
    }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(suffixes); k++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(suffixes, k))) {
            PyErr_SetString(PyExc_TypeError, "suffixes must be a tuple of str");
            return -1;
        }
    }
    return 0;
}

/* What _find_runs needs of the lines, with the truncation of each line computed on first use. */
typedef struct {
    PyObject *lines, *keys, *markers, *suffixes;
    Py_ssize_t n, min_chars, min_lines, limit, width;
    signed char *truncated; /* -1: not known yet */
    PyObject *where, *by_prefix;
} Index;

static int
truncated(Index *ix, Py_ssize_t i)
{
    if (ix->truncated[i] < 0) {
        int hit = ends_truncated(PyList_GET_ITEM(ix->lines, i), ix->suffixes);
        if (hit < 0) {
            return -1;
        }
        ix->truncated[i] = (signed char)hit;
    }
    return ix->truncated[i];
}

/* keys[i].rstrip(".…"): a new reference, or NULL. */
static PyObject *
stem_of(Index *ix, Py_ssize_t i)
{
    return PyObject_CallMethod(PyList_GET_ITEM(ix->keys, i), "rstrip", "s", ".\xe2\x80\xa6");
}

#define IS_MARKER(ix, i) (PyList_GET_ITEM((ix)->markers, (i)) == Py_True)

/* _LineIndex.remember: line i is a first copy, by key and by key prefix (at most `limit` places each). */
static int
remember_in(PyObject *table, PyObject *key, Py_ssize_t i, Py_ssize_t limit)
{
    PyObject *places = PyDict_GetItemWithError(table, key);
    if (places == NULL) {
        if (PyErr_Occurred()) {
            return -1;
        }
        places = PyList_New(0);
        if (places == NULL || PyDict_SetItem(table, key, places) < 0) {
            Py_XDECREF(places);
            return -1;
        }
        Py_DECREF(places); /* the dict holds it */
    }
    if (PyList_GET_SIZE(places) < limit) {
        PyObject *at = PyLong_FromSsize_t(i);
        if (at == NULL || PyList_Append(places, at) < 0) {
            Py_XDECREF(at);
            return -1;
        }
        Py_DECREF(at);
    }
    return 0;
}

static int
remember(Index *ix, Py_ssize_t i)
{
    PyObject *key = PyList_GET_ITEM(ix->keys, i);
    if (remember_in(ix->where, key, i, ix->limit) < 0) {
        return -1;
    }
    if (PyUnicode_GET_LENGTH(key) >= ix->width) {
        PyObject *prefix = PyUnicode_Substring(key, 0, ix->width);
        if (prefix == NULL) {
            return -1;
        }
        int failed = remember_in(ix->by_prefix, prefix, i, ix->limit);
        Py_DECREF(prefix);
        return failed;
    }
    return 0;
}

/* _LineIndex.truncated_match: line a is cut short and its text begins line b. */
static int
truncated_match(Index *ix, Py_ssize_t a, Py_ssize_t b)
{
    int cut = truncated(ix, a);
    if (cut <= 0) {
        return cut;
    }
    PyObject *stem = stem_of(ix, a);
    if (stem == NULL) {
        return -1;
    }
    int hit = 0;
    if (PyUnicode_GET_LENGTH(stem) >= ix->width) {
        Py_ssize_t r = PyUnicode_Tailmatch(PyList_GET_ITEM(ix->keys, b), stem, 0, PY_SSIZE_T_MAX, -1);
        hit = r < 0 ? -1 : (int)r;
    }
    Py_DECREF(stem);
    return hit;
}

/* _LineIndex.candidates: a new reference to the earlier places to try (possibly empty), or NULL. */
static PyObject *
candidates(Index *ix, Py_ssize_t i)
{
    PyObject *key = PyList_GET_ITEM(ix->keys, i);
    PyObject *found = PyDict_GetItemWithError(ix->where, key);
    if (found == NULL && PyErr_Occurred()) {
        return NULL;
    }
    if (found != NULL && PyList_GET_SIZE(found) > 0) {
        Py_INCREF(found);
        return found;
    }
    int cut = truncated(ix, i);
    if (cut < 0) {
        return NULL;
    }
    if (!cut) {
        return PyList_New(0);
    }
    PyObject *stem = stem_of(ix, i);
    if (stem == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    if (PyUnicode_GET_LENGTH(stem) >= ix->width) {
        PyObject *prefix = PyUnicode_Substring(stem, 0, ix->width);
        if (prefix != NULL) {
            result = PyDict_GetItemWithError(ix->by_prefix, prefix);
            Py_DECREF(prefix);
            if (result != NULL) {
                Py_INCREF(result);
            }
            else if (!PyErr_Occurred()) {
                result = PyList_New(0);
            }
        }
    }
    else {
        result = PyList_New(0);
    }
    Py_DECREF(stem);
    return result;
}

/* _LineIndex.best_run: the longest qualifying run from line i; 0 (none), 1 (found), -1 (error). */
static int
best_run(Index *ix, Py_ssize_t i, Py_ssize_t *best_length, Py_ssize_t *best_source)
{
    if (IS_MARKER(ix, i)) {
        return 0;
    }
    PyObject *places = candidates(ix, i);
    if (places == NULL) {
        return -1;
    }
    int found = 0;
    for (Py_ssize_t c = 0; c < PyList_GET_SIZE(places); c++) {
        Py_ssize_t j = PyLong_AsSsize_t(PyList_GET_ITEM(places, c));
        Py_ssize_t length = 0, chars = 0, content = 0;
        while (i + length < ix->n && j + length < i) {
            Py_ssize_t a = i + length, b = j + length;
            int exact = PyObject_RichCompareBool(PyList_GET_ITEM(ix->keys, a), PyList_GET_ITEM(ix->keys, b), Py_EQ);
            if (exact < 0) {
                Py_DECREF(places);
                return -1;
            }
            if (!exact) {
                int cut = truncated_match(ix, a, b);
                if (cut < 0) {
                    Py_DECREF(places);
                    return -1;
                }
                if (!cut) {
                    break;
                }
            }
            if (!IS_MARKER(ix, a)) {
                chars += PyUnicode_GET_LENGTH(PyList_GET_ITEM(ix->keys, a));
                content += 1;
            }
            length += 1;
            if (!exact) {
                break; /* a truncated line ends the run */
            }
        }
        int enough = chars >= ix->min_chars || content >= ix->min_lines;
        if (enough && (!found || length > *best_length)) {
            found = 1;
            *best_length = length;
            *best_source = j;
        }
    }
    Py_DECREF(places);
    return found;
}

PyDoc_STRVAR(find_runs_doc,
"find_runs(lines, keys, markers, suffixes, min_chars, min_lines, max_candidates, min_truncated_chars)\n--\n\n"
"mfaparse._text.dedup._find_runs: the runs of lines repeating an earlier run, as (start, length, source).");

static PyObject *
find_runs(PyObject *module, PyObject *args)
{
    Index ix = {0};
    if (!PyArg_ParseTuple(args, "OOOOnnnn:find_runs", &ix.lines, &ix.keys, &ix.markers, &ix.suffixes,
                          &ix.min_chars, &ix.min_lines, &ix.limit, &ix.width)) {
        return NULL;
    }
    if (check_lines(ix.lines, ix.keys, ix.markers, ix.suffixes) < 0) {
        return NULL;
    }
    ix.n = PyList_GET_SIZE(ix.lines);
    PyObject *runs = PyList_New(0);
    ix.truncated = PyMem_Malloc(ix.n > 0 ? (size_t)ix.n : 1);
    ix.where = PyDict_New();
    ix.by_prefix = PyDict_New();
    if (runs == NULL || ix.truncated == NULL || ix.where == NULL || ix.by_prefix == NULL) {
        goto error;
    }
    memset(ix.truncated, -1, ix.n > 0 ? (size_t)ix.n : 1);
    Py_ssize_t i = 0;
    while (i < ix.n) {
        Py_ssize_t length = 0, source = 0;
        int found = best_run(&ix, i, &length, &source);
        if (found < 0) {
            goto error;
        }
        if (found) {
            PyObject *run = Py_BuildValue("(nnn)", i, length, source);
            if (run == NULL || PyList_Append(runs, run) < 0) {
                Py_XDECREF(run);
                goto error;
            }
            Py_DECREF(run);
            i += length;
            continue;
        }
        if (remember(&ix, i) < 0) {
            goto error;
        }
        i += 1;
    }
    PyMem_Free(ix.truncated);
    Py_DECREF(ix.where);
    Py_DECREF(ix.by_prefix);
    return runs;
error:
    PyMem_Free(ix.truncated);
    Py_XDECREF(ix.where);
    Py_XDECREF(ix.by_prefix);
    Py_XDECREF(runs);
    return NULL;
}

PyDoc_STRVAR(may_repeat_doc,
"may_repeat(lines, keys, markers, suffixes)\n--\n\n"
"mfaparse._text.dedup._may_repeat: whether any run can repeat (a non-marker line's key seen before, or a "
"truncated non-marker line).");

static PyObject *
may_repeat(PyObject *module, PyObject *args)
{
    PyObject *lines, *keys, *markers, *suffixes;
    if (!PyArg_ParseTuple(args, "OOOO:may_repeat", &lines, &keys, &markers, &suffixes)) {
        return NULL;
    }
    if (check_lines(lines, keys, markers, suffixes) < 0) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(lines);
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *key = PyList_GET_ITEM(keys, i);
        if (PyList_GET_ITEM(markers, i) != Py_True) {
            int hit = PySet_Contains(seen, key);
            if (hit != 0) {
                Py_DECREF(seen);
                return hit < 0 ? NULL : Py_NewRef(Py_True);
            }
        }
        if (PySet_Add(seen, key) < 0) {
            Py_DECREF(seen);
            return NULL;
        }
    }
    Py_DECREF(seen);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyList_GET_ITEM(markers, i) != Py_True) {
            int cut = ends_truncated(PyList_GET_ITEM(lines, i), suffixes);
            if (cut != 0) {
                return cut < 0 ? NULL : Py_NewRef(Py_True);
            }
        }
    }
    Py_RETURN_FALSE;
}

/* The items of `texts`, a tuple or list, in *items (borrowed; NULL for an empty list) and their count in *n: 0,
 * or -1 with a TypeError. Each item's type is the caller's to check. */
static int
texts_of(PyObject *texts, PyObject ***items, Py_ssize_t *n)
{
    if (!PyTuple_Check(texts) && !PyList_Check(texts)) {
        PyErr_SetString(PyExc_TypeError, "texts must be a tuple or list of str");
        return -1;
    }
    *n = PySequence_Fast_GET_SIZE(texts);
    *items = PySequence_Fast_ITEMS(texts);
    return 0;
}

PyDoc_STRVAR(known_facts_doc,
"known_facts(texts, known, missing)\n--\n\n"
"The lookups of mfaparse._lines.memo.FactMemo.facts: (each text's fact in the dict known, or missing; the "
"distinct texts known lacks, in order of first use), texts a tuple or list.");

static PyObject *
known_facts(PyObject *module, PyObject *args)
{
    PyObject *texts, *known, *missing;
    (void)module;
    if (!PyArg_ParseTuple(args, "OO!O:known_facts", &texts, &PyDict_Type, &known, &missing)) {
        return NULL;
    }
    PyObject **items;
    Py_ssize_t n;
    if (texts_of(texts, &items, &n) < 0) {
        return NULL;
    }
    PyObject *facts = PyList_New(n);
    PyObject *todo = PyList_New(0);
    PyObject *asked = NULL; /* the texts in todo, made at the first miss */
    if (facts == NULL || todo == NULL) {
        goto error;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *fact = PyDict_GetItemWithError(known, items[i]); /* borrowed */
        if (fact == NULL) {
            if (PyErr_Occurred()) {
                goto error;
            }
            fact = missing;
            if (asked == NULL && (asked = PySet_New(NULL)) == NULL) {
                goto error;
            }
            int seen = PySet_Contains(asked, items[i]);
            if (seen < 0 || (!seen && (PySet_Add(asked, items[i]) < 0 || PyList_Append(todo, items[i]) < 0))) {
                goto error;
            }
        }
        Py_INCREF(fact);
        PyList_SET_ITEM(facts, i, fact);
    }
    Py_XDECREF(asked);
    PyObject *out = PyTuple_Pack(2, facts, todo);
    Py_DECREF(facts);
    Py_DECREF(todo);
    return out;
error:
    Py_XDECREF(facts);
    Py_XDECREF(todo);
    Py_XDECREF(asked);
    return NULL;
}

PyDoc_STRVAR(fill_facts_doc,
"fill_facts(facts, texts, learnt, missing)\n--\n\n"
"Where facts (a list from known_facts) holds missing, the fact learnt (a dict) has for that text, in place.");

static PyObject *
fill_facts(PyObject *module, PyObject *args)
{
    PyObject *facts, *texts, *learnt, *missing;
    (void)module;
    if (!PyArg_ParseTuple(args, "O!OO!O:fill_facts", &PyList_Type, &facts, &texts, &PyDict_Type, &learnt, &missing)) {
        return NULL;
    }
    PyObject **items;
    Py_ssize_t n;
    if (texts_of(texts, &items, &n) < 0) {
        return NULL;
    }
    if (PyList_GET_SIZE(facts) != n) {
        PyErr_SetString(PyExc_ValueError, "facts and texts differ in length");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyList_GET_ITEM(facts, i) != missing) {
            continue;
        }
        PyObject *fact = PyDict_GetItemWithError(learnt, items[i]); /* borrowed */
        if (fact == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetObject(PyExc_KeyError, items[i]);
            }
            return NULL;
        }
        Py_INCREF(fact);
        PyList_SetItem(facts, i, fact); /* drops the reference to missing */
    }
    Py_RETURN_NONE;
}

PyDoc_STRVAR(line_starts_doc,
"line_starts(texts, base)\n--\n\n"
"mfaparse._lines.rules.line_starts: where each line of texts (a tuple or list of str) starts (base, then one "
"past each line's newline), one more than there are lines, as a tuple.");

static PyObject *
line_starts(PyObject *module, PyObject *args)
{
    PyObject *texts;
    Py_ssize_t base;
    if (!PyArg_ParseTuple(args, "On:line_starts", &texts, &base)) {
        return NULL;
    }
    Py_ssize_t n;
    PyObject **items;
    if (texts_of(texts, &items, &n) < 0) {
        return NULL;
    }
    PyObject *starts = PyTuple_New(n + 1);
    if (starts == NULL) {
        return NULL;
    }
    Py_ssize_t at = base;
    for (Py_ssize_t i = 0; i <= n; i++) {
        PyObject *value = PyLong_FromSsize_t(at);
        if (value == NULL) {
            Py_DECREF(starts);
            return NULL;
        }
        PyTuple_SET_ITEM(starts, i, value);
        if (i < n) {
            PyObject *text = items[i];
            if (!PyUnicode_Check(text)) {
                Py_DECREF(starts);
                PyErr_SetString(PyExc_TypeError, "texts must hold str");
                return NULL;
            }
            at += PyUnicode_GET_LENGTH(text) + 1;
        }
    }
    return starts;
}

PyDoc_STRVAR(strip_line_ends_doc,
"strip_line_ends(text)\n--\n\n"
"mfaparse._text.normalize._strip_line_ends_python: text without spaces or tabs before each newline and at its "
"end, in one pass (text itself when there are none).");

static PyObject *
strip_line_ends(PyObject *module, PyObject *args)
{
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U:strip_line_ends", &text)) {
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    /* First pass: the length kept, and whether anything goes at all. */
    Py_ssize_t kept = 0, pending = 0; /* pending: the spaces and tabs since the last other character */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == ' ' || c == '\t') {
            pending++;
        }
        else {
            kept += (c == '\n' ? 0 : pending) + 1;
            pending = 0;
        }
    }
    if (kept == n) {
        return Py_NewRef(text);
    }
    PyObject *out = PyUnicode_New(kept, PyUnicode_MAX_CHAR_VALUE(text));
    if (out == NULL) {
        return NULL;
    }
    int out_kind = PyUnicode_KIND(out);
    void *out_data = PyUnicode_DATA(out);
    Py_ssize_t w = 0, run = 0; /* run: where the pending spaces and tabs began */
    pending = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == ' ' || c == '\t') {
            if (pending++ == 0) {
                run = i;
            }
            continue;
        }
        if (c != '\n') {
            for (Py_ssize_t k = run; k < run + pending; k++) {
                PyUnicode_WRITE(out_kind, out_data, w++, PyUnicode_READ(kind, data, k));
            }
        }
        pending = 0;
        PyUnicode_WRITE(out_kind, out_data, w++, c);
    }
    return out;
}

PyDoc_STRVAR(stripped_doc,
"stripped(texts)\n--\n\n"
"mfaparse._lines.rules.Lines.stripped: each of texts (a tuple or list of str) without the whitespace at its ends "
"(str.strip()), as a tuple.");

static PyObject *
stripped(PyObject *module, PyObject *args)
{
    PyObject *texts;
    if (!PyArg_ParseTuple(args, "O:stripped", &texts)) {
        return NULL;
    }
    Py_ssize_t n;
    PyObject **items;
    if (texts_of(texts, &items, &n) < 0) {
        return NULL;
    }
    PyObject *out = PyTuple_New(n);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text = items[i];
        if (!PyUnicode_Check(text)) {
            Py_DECREF(out);
            PyErr_SetString(PyExc_TypeError, "texts must hold str");
            return NULL;
        }
        Py_ssize_t start = 0, end = PyUnicode_GET_LENGTH(text);
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        while (start < end && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start))) {
            start++;
        }
        while (end > start && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1))) {
            end--;
        }
        PyObject *piece = PyUnicode_Substring(text, start, end); /* the text itself when nothing goes */
        if (piece == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyTuple_SET_ITEM(out, i, piece);
    }
    return out;
}

PyDoc_STRVAR(occurrences_doc,
"occurrences(text, words)\n--\n\n"
"mfaparse.tass.quotes._occurrences: where words stand as whole words in text (no letter, digit or '_' just "
"before or after), leftmost first, the longest word where several start at one place, never overlapping: a "
"list of (at, word).");

PyDoc_STRVAR(word_starts_doc,
"word_starts(text, words)\n--\n\n"
"mfaparse.tass.quotes._word_starts_python: each place of text where one of words begins and no letter, digit or "
"'_' stands just before (the word's end unchecked), ascending.");

PyDoc_STRVAR(maker_doc,
    "maker(cls, slots, keywords, defaults, required, /)\n--\n\n"
    "A callable that builds cls by writing its slots (slots[i] from the argument keywords[i], or positionally in\n"
    "that order; defaults[i] when not given, an error when that is `required`), without cls.__init__. The\n"
    "reference is mfaparse._model.build.python_maker.");

PyDoc_STRVAR(hashtag_spans_doc,
    "hashtag_spans(text, /)\n--\n\n"
    "(start, end) of each hashtag of text, its '#' included: mfaparse._text.entities._hashtag_spans_python, with\n"
    "the character classes of the regex module the core was built with (TABLES_REGEX_VERSION).");

PyDoc_STRVAR(emoji_clusters_doc,
    "emoji_clusters(text, /)\n--\n\n"
    "(start, end, alternative) of each emoji cluster of text, alternative 0 flag, 1 keycap, 2 emoji, 3 component:\n"
    "the matches of mfaparse._text.emoji._PATTERN.finditer(text), with the tables of the core's build.");

PyDoc_STRVAR(strip_emoji_doc,
    "strip_emoji(text, keycaps, tidy, punct_after, /)\n--\n\n"
    "mfaparse._text.emoji._strip_emoji_python(text, keycaps=keycaps, tidy=tidy), its punctuation given.");

PyDoc_STRVAR(strip_zero_width_doc,
    "strip_zero_width(text, /)\n--\n\n"
    "mfaparse._text.normalize._ZERO_WIDTH.sub('', text), with the tables of the core's build: zero-width space,\n"
    "word joiner, BOM and soft hyphen go, ZWNJ and ZWJ unless they join letters, marks or emoji.");

PyDoc_STRVAR(find_pair_doc,
    "find_pair(text, pos, firsts, seconds, /)\n--\n\n"
    "mfaparse._text.normalize._Prefilter: where re.search of one class of firsts (then one of seconds, unless\n"
    "empty) finds its first match at or after pos, or -1. The classes are of the Basic Multilingual Plane.");

static PyMethodDef methods[] = {
    {"find_runs", find_runs, METH_VARARGS, find_runs_doc},
    {"may_repeat", may_repeat, METH_VARARGS, may_repeat_doc},
    {"line_starts", line_starts, METH_VARARGS, line_starts_doc},
    {"known_facts", known_facts, METH_VARARGS, known_facts_doc},
    {"fill_facts", fill_facts, METH_VARARGS, fill_facts_doc},
    {"occurrences", words_occurrences, METH_VARARGS, occurrences_doc},
    {"word_starts", words_word_starts, METH_VARARGS, word_starts_doc},
    {"strip_line_ends", strip_line_ends, METH_VARARGS, strip_line_ends_doc},
    {"stripped", stripped, METH_VARARGS, stripped_doc},
    {"maker", records_maker, METH_VARARGS, maker_doc},
    {"hashtag_spans", scan_hashtag_spans, METH_VARARGS, hashtag_spans_doc},
    {"emoji_clusters", scan_emoji_clusters, METH_VARARGS, emoji_clusters_doc},
    {"strip_emoji", scan_strip_emoji, METH_VARARGS, strip_emoji_doc},
    {"find_pair", scan_find_pair, METH_VARARGS, find_pair_doc},
    {"strip_zero_width", scan_strip_zero_width, METH_VARARGS, strip_zero_width_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "mfaparse_native._core", "mfaparse's optional native core.", -1, methods,
};

PyMODINIT_FUNC
PyInit__core(void)
{
    if (records_ready() < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&module_def);
    if (module != NULL && scan_constants(module) < 0) {
        Py_CLEAR(module);
    }
    return module;
}
