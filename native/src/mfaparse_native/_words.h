/* Whole-word search of a few words in a text (_words.c), registered in the _core module. */
#ifndef MFAPARSE_NATIVE_WORDS_H
#define MFAPARSE_NATIVE_WORDS_H

#include <Python.h>

/* occurrences(text, words): (at, word) of each whole-word occurrence, leftmost first, the longest at one place,
 * never overlapping. */
PyObject *words_occurrences(PyObject *module, PyObject *args);

/* word_starts(text, words): each place where a word begins a word of text (its end unchecked), ascending. */
PyObject *words_word_starts(PyObject *module, PyObject *args);

#endif
