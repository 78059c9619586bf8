/* Character-class scans of mfaparse's text functions: the hashtags of a text, its emoji clusters, the text
 * without them.
 *
 * The classes come from the regex module itself (tools/unicode_tables.py writes _tables.h at build time), so a
 * character is in a class here exactly when mfaparse's pattern says so; the module records the classes and the
 * regex version (TABLES, TABLES_REGEX_VERSION), and mfaparse uses a scan only when both are its own.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_scan.h"
#include "_tables.h"

#define BLOCK_BYTES 32 /* 256 code points, one bit each */

/* Whether `c` is in the table's class `which` (TABLE_TAG_CHAR, TABLE_LETTER, ...: tools/unicode_tables.py). */
static inline int
in_class(Py_UCS4 c, int which)
{
    const unsigned char *block = TABLES_BLOCKS[TABLES_STAGE[c >> 8]];
    unsigned int low = c & 0xFF;
    return (block[which * BLOCK_BYTES + (low >> 3)] >> (low & 7)) & 1;
}

PyObject *
scan_hashtag_spans(PyObject *module, PyObject *args)
{
    PyObject *text;
    (void)module;
    if (!PyArg_ParseTuple(args, "U:hashtag_spans", &text)) {
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *found = PyList_New(0);
    if (found == NULL) {
        return NULL;
    }
    Py_ssize_t at = 0;
    while (at < n) {
        Py_ssize_t mark = PyUnicode_FindChar(text, '#', at, n, 1);
        if (mark == -2) {
            Py_DECREF(found);
            return NULL;
        }
        if (mark < 0) {
            break;
        }
        if (mark > 0 && in_class(PyUnicode_READ(kind, data, mark - 1), TABLE_TAG_CHAR)) { /* (?<!word character) */
            at = mark + 1;
            continue;
        }
        Py_ssize_t end = mark + 1;
        int letter = 0;
        while (end < n) {
            Py_UCS4 c = PyUnicode_READ(kind, data, end);
            if (!in_class(c, TABLE_TAG_CHAR)) {
                break;
            }
            letter |= in_class(c, TABLE_LETTER);
            end++;
        }
        if (end == mark + 1) { /* a word character must follow */
            at = mark + 1;
            continue;
        }
        if (letter) { /* a match without a letter is passed over whole, as finditer passes it */
            PyObject *span = Py_BuildValue("(nn)", mark, end);
            if (span == NULL || PyList_Append(found, span) < 0) {
                Py_XDECREF(span);
                Py_DECREF(found);
                return NULL;
            }
            Py_DECREF(span);
        }
        at = end;
    }
    return found;
}

/* --- Emoji clusters: what mfaparse._text.emoji._PATTERN.finditer(text) finds, alternative by alternative. --- */

#define ZWJ 0x200D
#define VS16 0xFE0F
#define KEYCAP_MARK 0x20E3

enum { CLUSTER_FLAG, CLUSTER_KEYCAP, CLUSTER_EMOJI, CLUSTER_COMPONENT };

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} Text;

static inline Py_UCS4
at(const Text *t, Py_ssize_t i)
{
    return PyUnicode_READ(t->kind, t->data, i);
}

/* An emoji base at i: the base class, or (C) (R) (TM) with U+FE0F after it. */
static inline int
base_at(const Text *t, Py_ssize_t i)
{
    if (i >= t->n) {
        return 0;
    }
    Py_UCS4 c = at(t, i);
    if (in_class(c, TABLE_BASE)) {
        return 1;
    }
    return (c == 0xA9 || c == 0xAE || c == 0x2122) && i + 1 < t->n && at(t, i + 1) == VS16;
}

/* After a base at i: its extenders. Returns where they end. */
static inline Py_ssize_t
extended(const Text *t, Py_ssize_t i)
{
    i++;
    while (i < t->n && in_class(at(t, i), TABLE_EXTEND)) {
        i++;
    }
    return i;
}

/* The cluster that starts at p: its end and alternative, or -1. The pattern's alternatives in order: a flag (two
 * regional indicators), a keycap ([#*0-9] U+FE0F? U+20E3), an emoji (a dangling ZWJ run not after a letter or
 * mark, a base and its extenders, then ZWJs each with an optional base), a component (a regional indicator, a
 * U+FE0F run, U+20E3). Every quantifier is greedy and nothing required follows it, so taking the most each
 * allows is what the regex engine's first success is. */
static Py_ssize_t
cluster_at(const Text *t, Py_ssize_t p, int *alternative)
{
    Py_UCS4 c = at(t, p);
    int ri = in_class(c, TABLE_RI);
    if (ri && p + 1 < t->n && in_class(at(t, p + 1), TABLE_RI)) {
        *alternative = CLUSTER_FLAG;
        return p + 2;
    }
    if (c == '#' || c == '*' || (c >= '0' && c <= '9')) {
        Py_ssize_t q = p + 1;
        if (q < t->n && at(t, q) == VS16) {
            q++;
        }
        if (q < t->n && at(t, q) == KEYCAP_MARK) {
            *alternative = CLUSTER_KEYCAP;
            return q + 1;
        }
    }
    Py_ssize_t q = p;
    if (c == ZWJ && (p == 0 || !in_class(at(t, p - 1), TABLE_LETTER_OR_MARK))) {
        Py_ssize_t r = p;
        while (r < t->n && at(t, r) == ZWJ) {
            r++;
        }
        if (base_at(t, r)) { /* else the run is not taken (fewer ZWJs leave a ZWJ where the base must be) */
            q = r;
        }
    }
    if (base_at(t, q)) {
        q = extended(t, q);
        while (q < t->n && at(t, q) == ZWJ) {
            q++;
            if (base_at(t, q)) {
                q = extended(t, q);
            }
        }
        *alternative = CLUSTER_EMOJI;
        return q;
    }
    if (ri || c == KEYCAP_MARK) {
        *alternative = CLUSTER_COMPONENT;
        return p + 1;
    }
    if (c == VS16) {
        q = p;
        while (q < t->n && at(t, q) == VS16) {
            q++;
        }
        *alternative = CLUSTER_COMPONENT;
        return q;
    }
    return -1;
}

/* Whether a cluster can start at a character: a keycap's base, a ZWJ, U+20E3, a base (the table: below U+2100
 * only (C), (R), !! and ?!), or anything from U+2100 up (regional indicators, U+FE0F, most bases): prose in
 * Latin, Cyrillic or Indic scripts is passed over with a comparison or two and one table look. */
static inline int
may_start(Py_UCS4 c)
{
    return c >= 0x2100 || c == ZWJ || c == '#' || c == '*' || (c >= '0' && c <= '9') || c == 0xA9 || c == 0xAE
           || c == KEYCAP_MARK || in_class(c, TABLE_BASE);
}

/* The next cluster at or after *pos: 1 with its start, end and alternative, 0 at the end of the text. */
static int
next_cluster(const Text *t, Py_ssize_t *pos, Py_ssize_t *start, Py_ssize_t *end, int *alternative)
{
    for (Py_ssize_t p = *pos; p < t->n; p++) {
        if (!may_start(at(t, p))) {
            continue;
        }
        Py_ssize_t e = cluster_at(t, p, alternative);
        if (e > p) {
            *start = p;
            *end = e;
            *pos = e;
            return 1;
        }
    }
    *pos = t->n;
    return 0;
}

PyObject *
scan_emoji_clusters(PyObject *module, PyObject *args)
{
    PyObject *text;
    (void)module;
    if (!PyArg_ParseTuple(args, "U:emoji_clusters", &text)) {
        return NULL;
    }
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)};
    PyObject *found = PyList_New(0);
    if (found == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0, start, end;
    int alternative;
    while (next_cluster(&t, &pos, &start, &end, &alternative)) {
        PyObject *item = Py_BuildValue("(nni)", start, end, alternative);
        if (item == NULL || PyList_Append(found, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(found);
            return NULL;
        }
        Py_DECREF(item);
    }
    return found;
}

/* The text being built by strip_emoji: code points, grown by doubling. */
typedef struct {
    Py_UCS4 *data;
    Py_ssize_t length, capacity;
} Out;

static int
put(Out *out, const Text *t, Py_ssize_t from, Py_ssize_t to)
{
    if (out->length + (to - from) > out->capacity) {
        Py_ssize_t capacity = out->capacity * 2 > out->length + (to - from) ? out->capacity * 2
                                                                             : out->length + (to - from);
        Py_UCS4 *grown = PyMem_Realloc(out->data, (size_t)capacity * sizeof(Py_UCS4));
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        out->data = grown;
        out->capacity = capacity;
    }
    for (Py_ssize_t i = from; i < to; i++) {
        out->data[out->length++] = at(t, i);
    }
    return 0;
}

PyObject *
scan_strip_emoji(PyObject *module, PyObject *args)
{
    PyObject *text, *punct_after;
    int keycaps, tidy;
    (void)module;
    if (!PyArg_ParseTuple(args, "UppU:strip_emoji", &text, &keycaps, &tidy, &punct_after)) {
        return NULL;
    }
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)};
    Py_ssize_t pos = 0, scan = 0, start, end;
    int alternative;
    if (!next_cluster(&t, &scan, &start, &end, &alternative)) {
        return Py_NewRef(text); /* no emoji: the text itself */
    }
    Out out = {NULL, 0, 0};
    do {
        if (put(&out, &t, pos, start) < 0) {
            goto fail;
        }
        pos = end;
        if (keycaps && alternative == CLUSTER_KEYCAP) {
            if (put(&out, &t, start, start + 1) < 0) { /* the keycap's digit or sign */
                goto fail;
            }
            continue;
        }
        if (!tidy) {
            continue;
        }
        /* Spaces after the emoji go when the kept text already ends in a space or starts a line. */
        while (pos < t.n && (at(&t, pos) == ' ' || at(&t, pos) == '\t')
               && (out.length == 0 || out.data[out.length - 1] == ' ' || out.data[out.length - 1] == '\t'
                   || out.data[out.length - 1] == '\n')) {
            pos++;
        }
        /* Spaces before it go when the line ends there or punctuation follows. */
        int ends = pos == t.n || at(&t, pos) == '\n';
        if (!ends) {
            Py_ssize_t hit = PyUnicode_FindChar(punct_after, at(&t, pos), 0, PyUnicode_GET_LENGTH(punct_after), 1);
            if (hit == -2) {
                goto fail;
            }
            ends = hit >= 0;
        }
        if (ends) {
            while (out.length > 0 && (out.data[out.length - 1] == ' ' || out.data[out.length - 1] == '\t')) {
                out.length--;
            }
        }
    } while (next_cluster(&t, &scan, &start, &end, &alternative));
    if (put(&out, &t, pos, t.n) < 0) {
        goto fail;
    }
    PyObject *result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out.data, out.length);
    PyMem_Free(out.data);
    return result;
fail:
    PyMem_Free(out.data);
    return NULL;
}


/* --- A first character of a class, or a pair of classes: what re.search of "[...]" or "[...][...]" finds. --- */

#define BMP 0x10000

static int
fill_bits(unsigned char *bits, PyObject *chars)
{
    memset(bits, 0, BMP / 8);
    Py_ssize_t n = PyUnicode_GET_LENGTH(chars);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(chars, i);
        if (c >= BMP) {
            PyErr_SetString(PyExc_ValueError, "find_pair takes classes of the Basic Multilingual Plane");
            return -1;
        }
        bits[c >> 3] |= (unsigned char)(1 << (c & 7));
    }
    return 0;
}

/* A character the zero-width joiners of words and emoji stand between: [\p{L}\p{M}\p{Extended_Pictographic}
 * \p{EMod}], which is the letter-or-mark class, the emoji base class and the three it leaves out (tested over
 * every code point in tests/test_native.py). */
static inline int
joinable(Py_UCS4 c)
{
    return in_class(c, TABLE_LETTER_OR_MARK) || in_class(c, TABLE_BASE) || c == 0xA9 || c == 0xAE || c == 0x2122;
}

/* Whether _ZERO_WIDTH matches the character at i: zero-width space, word joiner, BOM, soft hyphen; ZWNJ or ZWJ
 * unless a joinable character or U+FE0F stands before it and a joinable character after it (the pattern's look
 * behind and ahead read the text as given, so the text's own neighbours decide). */
static inline int
zero_width_at(const Text *t, Py_ssize_t i)
{
    Py_UCS4 c = at(t, i);
    if (c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0xAD) {
        return 1;
    }
    if (c != 0x200C && c != ZWJ) {
        return 0;
    }
    if (i == 0 || i + 1 >= t->n) {
        return 1;
    }
    Py_UCS4 before = at(t, i - 1);
    return !((before == VS16 || joinable(before)) && joinable(at(t, i + 1)));
}

PyObject *
scan_strip_zero_width(PyObject *module, PyObject *args)
{
    PyObject *text;
    (void)module;
    if (!PyArg_ParseTuple(args, "U:strip_zero_width", &text)) {
        return NULL;
    }
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)};
    Py_ssize_t kept = 0;
    Py_UCS4 widest = 0; /* the result must be stored at the width its widest character needs, no wider */
    for (Py_ssize_t i = 0; i < t.n; i++) {
        if (!zero_width_at(&t, i)) {
            Py_UCS4 c = at(&t, i);
            kept++;
            widest = c > widest ? c : widest;
        }
    }
    if (kept == t.n) {
        Py_INCREF(text);
        return text;
    }
    PyObject *out = PyUnicode_New(kept, widest);
    if (out == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(out);
    void *data = PyUnicode_DATA(out);
    Py_ssize_t j = 0;
    for (Py_ssize_t i = 0; i < t.n; i++) {
        if (!zero_width_at(&t, i)) {
            PyUnicode_WRITE(kind, data, j++, at(&t, i));
        }
    }
    return out;
}

#define HAS(bits, c) ((c) < BMP && ((bits)[(c) >> 3] >> ((c) & 7) & 1))

/* The bit tables of the last few classes asked for, each kept with (a reference to) its str: the callers pass the
 * same str objects call after call (normalize's prefilters), and filling a table of 2,000 characters cost 4 us a
 * call, more than scanning a short text. A str never changes, so its table stays right while it is held. */
#define TABLE_CACHE 8
static struct {
    PyObject *chars;
    unsigned char bits[BMP / 8];
} table_cache[TABLE_CACHE];
static int table_next;

/* The table of `chars` (NULL with an exception set), never the one at `keep` (a table the caller still reads). */
static const unsigned char *
bits_of(PyObject *chars, const unsigned char *keep)
{
    for (int k = 0; k < TABLE_CACHE; k++) {
        if (table_cache[k].chars == chars) {
            return table_cache[k].bits;
        }
    }
    int k = table_next;
    if (table_cache[k].bits == keep) {
        k = (k + 1) % TABLE_CACHE;
    }
    table_next = (k + 1) % TABLE_CACHE;
    Py_CLEAR(table_cache[k].chars);
    if (fill_bits(table_cache[k].bits, chars) < 0) {
        return NULL;
    }
    Py_INCREF(chars);
    table_cache[k].chars = chars;
    return table_cache[k].bits;
}

PyObject *
scan_find_pair(PyObject *module, PyObject *args)
{
    PyObject *text, *firsts, *seconds;
    Py_ssize_t pos;
    (void)module;
    if (!PyArg_ParseTuple(args, "UnUU:find_pair", &text, &pos, &firsts, &seconds)) {
        return NULL;
    }
    const unsigned char *first_bits = bits_of(firsts, NULL);
    const unsigned char *second_bits = first_bits != NULL ? bits_of(seconds, first_bits) : NULL;
    if (second_bits == NULL) {
        return NULL;
    }
    int pair = PyUnicode_GET_LENGTH(seconds) > 0;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_ssize_t i = pos < 0 ? 0 : pos;
    const void *data = PyUnicode_DATA(text);
    /* One loop a storage width, so that the compiler reads each character without a switch. */
#define FIND(TYPE)                                                                                               \
    do {                                                                                                         \
        const TYPE *chars = (const TYPE *)data;                                                                  \
        for (; i < n; i++) {                                                                                     \
            Py_UCS4 c = chars[i];                                                                                \
            if (HAS(first_bits, c) && (!pair || (i + 1 < n && HAS(second_bits, (Py_UCS4)chars[i + 1])))) {        \
                return PyLong_FromSsize_t(i);                                                                    \
            }                                                                                                    \
        }                                                                                                        \
    } while (0)
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        FIND(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        FIND(Py_UCS2);
        break;
    default:
        FIND(Py_UCS4);
        break;
    }
#undef FIND
    return PyLong_FromSsize_t(-1);
}

int
scan_constants(PyObject *module)
{
    PyObject *tables = PyDict_New();
    if (tables == NULL) {
        return -1;
    }
    for (int i = 0; i < TABLES_COUNT; i++) {
        PyObject *pattern = PyUnicode_FromString(TABLES_PATTERNS[i]);
        if (pattern == NULL || PyDict_SetItemString(tables, TABLES_NAMES[i], pattern) < 0) {
            Py_XDECREF(pattern);
            Py_DECREF(tables);
            return -1;
        }
        Py_DECREF(pattern);
    }
    if (PyModule_AddObject(module, "TABLES", tables) < 0) {
        Py_DECREF(tables);
        return -1;
    }
    return PyModule_AddStringConstant(module, "TABLES_REGEX_VERSION", TABLES_REGEX_VERSION);
}
