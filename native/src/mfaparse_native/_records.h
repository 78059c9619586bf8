/* Record construction (_records.c), registered in the _core module. */
#ifndef MFAPARSE_NATIVE_RECORDS_H
#define MFAPARSE_NATIVE_RECORDS_H

#include <Python.h>

/* maker(cls, slots, keywords, defaults, required): a callable building cls from its fields' values. */
PyObject *records_maker(PyObject *module, PyObject *args);

/* Readies the maker type: 0, or -1 with an exception set. */
int records_ready(void);

#endif
