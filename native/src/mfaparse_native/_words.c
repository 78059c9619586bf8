/* Whole-word search of a few words in a text, in one pass over the text: mfaparse.tass.quotes._occurrences
 * (names, role words, institutions' nouns) and _word_starts (where a role word begins a word).
 *
 * The words are grouped by their first character, and a filter of first characters (exact for ASCII, the low
 * six bits of the others) turns most places away with one test; a place that passes is tried only where no letter, digit
 * or '_' (str.isalnum() or '_': the reference's _is_word_char) stands before it, then against the words of its
 * first character. One str.find a word, as the reference does it, reads the text once for every word.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_words.h"

/* Characters below this (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic) have exact tables. */
#define LOW 0x800

typedef struct {
    PyObject *word; /* borrowed from the words sequence, which outlives the search */
    Py_ssize_t length;
    Py_UCS4 first;
    int kind;
    const void *data;
} Word;

typedef struct {
    PyObject *sequence; /* the words as PySequence_Fast gave them (owned) */
    Word *words;        /* the non-empty words, by first character */
    Py_ssize_t count;
    Py_ssize_t empty; /* how many times the empty word was given */
    unsigned long long low[LOW / 64]; /* the first characters below LOW, exactly */
    unsigned long long other;         /* the others' low six bits */
} Words;

/* Whether some word may begin with c (exact below LOW). */
static inline int
may_begin(const Words *w, Py_UCS4 c)
{
    return c < LOW ? (w->low[c >> 6] >> (c & 63)) & 1 : (w->other >> (c & 63)) & 1;
}

static int
by_first(const void *a, const void *b)
{
    const Word *x = a, *y = b;
    if (x->first != y->first) {
        return x->first < y->first ? -1 : 1;
    }
    if (x->length != y->length) { /* the longest first: the one a place takes */
        return x->length > y->length ? -1 : 1;
    }
    return 0;
}

static void
words_free(Words *w)
{
    PyMem_Free(w->words);
    Py_XDECREF(w->sequence);
}

/* The words of a sequence of str: 0, or -1 with an exception set (nothing to free then). */
static int
words_read(Words *w, PyObject *given)
{
    w->words = NULL;
    w->count = w->empty = 0;
    memset(w->low, 0, sizeof w->low);
    w->other = 0;
    w->sequence = PySequence_Fast(given, "words must be an iterable of str");
    if (w->sequence == NULL) {
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(w->sequence);
    w->words = PyMem_Calloc((size_t)(n ? n : 1), sizeof(Word));
    if (w->words == NULL) {
        Py_DECREF(w->sequence);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *word = PySequence_Fast_GET_ITEM(w->sequence, k);
        if (!PyUnicode_Check(word)) {
            words_free(w);
            PyErr_SetString(PyExc_TypeError, "words must hold str");
            return -1;
        }
        Py_ssize_t length = PyUnicode_GET_LENGTH(word);
        if (length == 0) {
            w->empty++;
            continue;
        }
        Word *it = &w->words[w->count++];
        it->word = word;
        it->length = length;
        it->kind = PyUnicode_KIND(word);
        it->data = PyUnicode_DATA(word);
        it->first = PyUnicode_READ(it->kind, it->data, 0);
        if (it->first < LOW) {
            w->low[it->first >> 6] |= 1ULL << (it->first & 63);
        }
        else {
            w->other |= 1ULL << (it->first & 63);
        }
    }
    if (w->count > 1) {
        qsort(w->words, (size_t)w->count, sizeof(Word), by_first);
    }
    return 0;
}

/* is_word_char of each character below LOW, filled on first use from Py_UNICODE_ISALNUM itself. */
static unsigned long long low_word_chars[LOW / 64];
static int low_word_chars_ready;

static int
is_word_char(Py_UCS4 ch)
{
    if (ch < LOW) {
        if (!low_word_chars_ready) {
            for (Py_UCS4 c = 0; c < LOW; c++) {
                if (c == '_' || Py_UNICODE_ISALNUM(c)) {
                    low_word_chars[c >> 6] |= 1ULL << (c & 63);
                }
            }
            low_word_chars_ready = 1;
        }
        return (low_word_chars[ch >> 6] >> (ch & 63)) & 1;
    }
    return Py_UNICODE_ISALNUM(ch);
}

/* Whether no word character stands just before place i of the text. */
static inline int
word_begins(int kind, const void *data, Py_ssize_t i)
{
    return i == 0 || !is_word_char(PyUnicode_READ(kind, data, i - 1));
}

/* The first place from `from` on (or `size`) whose character may begin a word (may_begin) with no word
 * character before it: a loop for each of the text's kinds, so that reading a character is one load. */
#define CANDIDATE_LOOP(type)                                                                                      \
    do {                                                                                                          \
        const type *chars = (const type *)data;                                                                   \
        for (Py_ssize_t i = from; i < size; i++) {                                                                \
            Py_UCS4 c = chars[i];                                                                                 \
            if (may_begin(w, c) && (i == 0 || !is_word_char(chars[i - 1]))) {                                     \
                return i;                                                                                         \
            }                                                                                                     \
        }                                                                                                         \
        return size;                                                                                              \
    } while (0)

static Py_ssize_t
next_candidate(const Words *w, int kind, const void *data, Py_ssize_t from, Py_ssize_t size)
{
    if (kind == PyUnicode_1BYTE_KIND) {
        CANDIDATE_LOOP(Py_UCS1);
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        CANDIDATE_LOOP(Py_UCS2);
    }
    CANDIDATE_LOOP(Py_UCS4);
}

/* The first word (by_first's order: the longest) that stands at place i, whole if `whole` (no word character just
 * after it), or NULL. */
static const Word *
word_at(const Words *w, int kind, const void *data, Py_ssize_t size, Py_ssize_t i, Py_UCS4 c, int whole)
{
    Py_ssize_t k = 0, high = w->count; /* the first word of c: a binary search of the sorted words */
    while (k < high) {
        Py_ssize_t middle = k + (high - k) / 2;
        if (w->words[middle].first < c) {
            k = middle + 1;
        }
        else {
            high = middle;
        }
    }
    for (; k < w->count && w->words[k].first == c; k++) {
        const Word *it = &w->words[k];
        Py_ssize_t end = i + it->length;
        if (end > size) {
            continue;
        }
        Py_ssize_t j = 1;
        while (j < it->length && PyUnicode_READ(kind, data, i + j) == PyUnicode_READ(it->kind, it->data, j)) {
            j++;
        }
        if (j < it->length) {
            continue;
        }
        if (!whole || end == size || !is_word_char(PyUnicode_READ(kind, data, end))) {
            return it;
        }
    }
    return NULL;
}

static int
append_hit(PyObject *found, Py_ssize_t at, PyObject *word)
{
    PyObject *pair = Py_BuildValue("(nO)", at, word);
    if (pair == NULL) {
        return -1;
    }
    int failed = PyList_Append(found, pair);
    Py_DECREF(pair);
    return failed;
}

/* One call's text, words and the list of what it finds. */
typedef struct {
    Words w;
    PyObject *found;
    Py_ssize_t size;
    int kind;
    const void *data;
} Search;

/* A call's arguments (format: "UO:name") read into s: 0, or -1 with an exception set (nothing to free then). */
static int
search_begin(Search *s, PyObject *args, const char *format)
{
    PyObject *text, *given;
    if (!PyArg_ParseTuple(args, format, &text, &given) || words_read(&s->w, given) < 0) {
        return -1;
    }
    s->found = PyList_New(0);
    if (s->found == NULL) {
        words_free(&s->w);
        return -1;
    }
    s->size = PyUnicode_GET_LENGTH(text);
    s->kind = PyUnicode_KIND(text);
    s->data = PyUnicode_DATA(text);
    return 0;
}

/* What the call returns: the list, or NULL where it failed; the words freed either way. */
static PyObject *
search_end(Search *s, int failed)
{
    words_free(&s->w);
    if (failed) {
        Py_CLEAR(s->found);
    }
    return s->found;
}

PyObject *
words_occurrences(PyObject *module, PyObject *args)
{
    Search s;
    if (search_begin(&s, args, "UO:occurrences") < 0) {
        return NULL;
    }
    const Words *w = &s.w;
    Py_ssize_t size = s.size;
    int kind = s.kind;
    const void *data = s.data;
    PyObject *empty_word = NULL; /* a copy of the empty word, as given */
    for (Py_ssize_t k = 0; w->empty && k < PySequence_Fast_GET_SIZE(w->sequence); k++) {
        PyObject *word = PySequence_Fast_GET_ITEM(w->sequence, k);
        if (PyUnicode_GET_LENGTH(word) == 0) {
            empty_word = word;
            break;
        }
    }
    Py_ssize_t i = 0;
    while (i <= size) {
        if (!w->empty) { /* only the places next_candidate stops at can hold a hit */
            i = next_candidate(w, kind, data, i, size);
            if (i == size) {
                break;
            }
        }
        Py_UCS4 c = i < size ? PyUnicode_READ(kind, data, i) : 0;
        const Word *hit = NULL;
        if (i < size && may_begin(w, c) && word_begins(kind, data, i)) {
            hit = word_at(w, kind, data, size, i, c, 1);
        }
        if (hit != NULL) {
            if (append_hit(s.found, i, hit->word) < 0) {
                return search_end(&s, 1);
            }
            i += hit->length; /* no overlaps: the next hit starts at or after this one's end */
            continue;
        }
        /* the empty word stands wherever no word character is on either side; each copy given is a hit */
        if (w->empty && word_begins(kind, data, i) && (i == size || !is_word_char(c))) {
            for (Py_ssize_t e = 0; e < w->empty; e++) {
                if (append_hit(s.found, i, empty_word) < 0) {
                    return search_end(&s, 1);
                }
            }
        }
        i++;
    }
    return search_end(&s, 0);
}

PyObject *
words_word_starts(PyObject *module, PyObject *args)
{
    Search s;
    if (search_begin(&s, args, "UO:word_starts") < 0) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i <= s.size; i++) {
        int starts;
        if (s.w.empty) {
            starts = word_begins(s.kind, s.data, i);
        }
        else {
            i = next_candidate(&s.w, s.kind, s.data, i, s.size);
            if (i == s.size) {
                break;
            }
            starts = word_at(&s.w, s.kind, s.data, s.size, i, PyUnicode_READ(s.kind, s.data, i), 0) != NULL;
        }
        if (starts) {
            PyObject *at = PyLong_FromSsize_t(i);
            int failed = at == NULL || PyList_Append(s.found, at) < 0;
            Py_XDECREF(at);
            if (failed) {
                return search_end(&s, 1);
            }
        }
    }
    return search_end(&s, 0);
}
