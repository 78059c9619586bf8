/* Character-class scans (_scan.c), registered in the _core module. */
#ifndef MFAPARSE_NATIVE_SCAN_H
#define MFAPARSE_NATIVE_SCAN_H

#include <Python.h>

/* hashtag_spans(text): (start, end) of each hashtag, its '#' included. */
PyObject *scan_hashtag_spans(PyObject *module, PyObject *args);

/* emoji_clusters(text): (start, end, alternative) of each emoji cluster; 0 flag, 1 keycap, 2 emoji, 3 component. */
PyObject *scan_emoji_clusters(PyObject *module, PyObject *args);

/* strip_emoji(text, keycaps, tidy, punct_after): text without its emoji clusters, spaces tidied. */
PyObject *scan_strip_emoji(PyObject *module, PyObject *args);

/* strip_zero_width(text): text without what normalize's _ZERO_WIDTH matches (invisible debris, stray joiners). */
PyObject *scan_strip_zero_width(PyObject *module, PyObject *args);

/* find_pair(text, pos, firsts, seconds): the first i >= pos with text[i] in firsts and (seconds empty or
 * text[i+1] in seconds), or -1; both of the Basic Multilingual Plane. */
PyObject *scan_find_pair(PyObject *module, PyObject *args);

/* Adds the tables' provenance (regex version, classes) to the module: 0, or -1 with an exception set. */
int scan_constants(PyObject *module);

#endif
