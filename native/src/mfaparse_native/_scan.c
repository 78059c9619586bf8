/* Character-class scans of mfaparse's text functions: the hashtags of a text.
 *
 * The classes come from the regex module itself (tools/unicode_tables.py writes _tables.h at build time), so a
 * character is a hashtag's word character here exactly when mfaparse's pattern says so; the module records
 * the classes and the regex version, and mfaparse uses the scan only when both are its own.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_scan.h"
#include "_tables.h"

#define BLOCK_BYTES 32 /* 256 code points, one bit each */

/* Whether `c` is in the table's class `which` (0: a hashtag's word character, 1: a letter). */
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
        if (mark > 0 && in_class(PyUnicode_READ(kind, data, mark - 1), 0)) { /* (?<!word character) */
            at = mark + 1;
            continue;
        }
        Py_ssize_t end = mark + 1;
        int letter = 0;
        while (end < n) {
            Py_UCS4 c = PyUnicode_READ(kind, data, end);
            if (!in_class(c, 0)) {
                break;
            }
            letter |= in_class(c, 1);
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

int
scan_constants(PyObject *module)
{
    if (PyModule_AddStringConstant(module, "TABLES_REGEX_VERSION", TABLES_REGEX_VERSION) < 0
        || PyModule_AddStringConstant(module, "TABLES_TAG_CHAR", TABLES_TAG_CHAR) < 0
        || PyModule_AddStringConstant(module, "TABLES_LETTER", TABLES_LETTER) < 0) {
        return -1;
    }
    return 0;
}
