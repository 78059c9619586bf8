/* Record construction for mfaparse's hot paths: a maker builds an instance of a slotted class (mfaparse's frozen
 * attrs records) by writing its slots directly, without the class's __init__.
 *
 * The pure-Python reference is mfaparse._model.build.python_maker: object.__new__(cls) and object.__setattr__
 * for each field, the keywords and defaults of the attrs __init__. Only classes whose __init__ does nothing else
 * are given to a maker (no converters, no validators, no __attrs_post_init__, unless the caller builds trusted
 * values on purpose: trusted_span); mfaparse._model.build checks that and the fields before it asks for one.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#include "_records.h"

#define MAX_FIELDS 64

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    PyTypeObject *cls;
    PyObject *keywords; /* tuple of str: each field's keyword, in field order */
    PyObject *defaults; /* tuple: each field's default, or the `required` sentinel */
    PyObject *required;
    Py_ssize_t n;
    Py_ssize_t offsets[MAX_FIELDS];
} Maker;

static Py_ssize_t
keyword_index(Maker *self, PyObject *name)
{
    for (Py_ssize_t i = 0; i < self->n; i++) {
        if (PyTuple_GET_ITEM(self->keywords, i) == name) { /* interned: the usual case */
            return i;
        }
    }
    for (Py_ssize_t i = 0; i < self->n; i++) {
        int same = PyUnicode_Compare(PyTuple_GET_ITEM(self->keywords, i), name);
        if (same == 0) {
            return i;
        }
        if (same == -1 && PyErr_Occurred()) {
            return -2;
        }
    }
    return -1;
}

/* Stores `value` as the argument of field `i`: 0, or -1 with an exception set (given twice). */
static int
take(Maker *self, PyObject **values, Py_ssize_t i, PyObject *name, PyObject *value)
{
    if (i == -2) {
        return -1;
    }
    if (i < 0) {
        PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", self->cls->tp_name, name);
        return -1;
    }
    if (values[i] != NULL) {
        PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%U'", self->cls->tp_name, name);
        return -1;
    }
    values[i] = value;
    return 0;
}

/* Whether `value` can never be part of a reference cycle: not tracked by the cyclic GC (str, int, None, a record
 * left out by the rule below), or a tuple of such values — which CPython's own collector would untrack on its
 * next pass (tuples are immutable), so it is untracked here and now. */
static int
untracked(PyObject *value)
{
    if (!PyObject_IS_GC(value) || !PyObject_GC_IsTracked(value)) {
        return 1;
    }
    if (!PyTuple_CheckExact(value)) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(value); i++) {
        PyObject *item = PyTuple_GET_ITEM(value, i);
        if (PyObject_IS_GC(item) && PyObject_GC_IsTracked(item)) {
            return 0;
        }
    }
    PyObject_GC_UnTrack(value);
    return 1;
}

/* The record from `values` (borrowed; NULL where not given: the default), or NULL with an exception set.
 *
 * A record whose values are all untracked is left out of the cyclic GC, as msgspec does for its structs: a frozen
 * record of strings, numbers and such records cannot be part of a cycle, and a parse holds hundreds of thousands
 * of them, which every full collection would walk. (Writing a tracked value into one later, past frozenness,
 * could leak a cycle, never free a live object: the collector takes an untracked referrer as outside.) */
static PyObject *
build(Maker *self, PyObject **values)
{
    for (Py_ssize_t i = 0; i < self->n; i++) {
        if (values[i] == NULL) {
            values[i] = PyTuple_GET_ITEM(self->defaults, i);
            if (values[i] == self->required) {
                PyErr_Format(PyExc_TypeError, "%s() missing required argument '%U'", self->cls->tp_name,
                             PyTuple_GET_ITEM(self->keywords, i));
                return NULL;
            }
        }
    }
    PyObject *obj = self->cls->tp_alloc(self->cls, 0);
    if (obj == NULL) {
        return NULL;
    }
    int atomic = 1;
    for (Py_ssize_t i = 0; i < self->n; i++) {
        PyObject **slot = (PyObject **)((char *)obj + self->offsets[i]);
        Py_INCREF(values[i]);
        *slot = values[i]; /* tp_alloc zeroed the slots: nothing to release */
        atomic = atomic && untracked(values[i]);
    }
    if (atomic && PyObject_GC_IsTracked(obj)) {
        PyObject_GC_UnTrack(obj);
    }
    return obj;
}

static int
positional(Maker *self, PyObject **values, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs > self->n) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %zd arguments (%zd given)", self->cls->tp_name, self->n,
                     nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < self->n; i++) {
        values[i] = i < nargs ? args[i] : NULL;
    }
    return 0;
}

/* Every call: Python unpacks a call's keywords into names after the positions for a vectorcall callee. */
static PyObject *
maker_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Maker *self = (Maker *)callable;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *values[MAX_FIELDS];
    if (positional(self, values, args, nargs) < 0) {
        return NULL;
    }
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k);
        if (take(self, values, keyword_index(self, name), name, args[nargs + k]) < 0) {
            return NULL;
        }
    }
    return build(self, values);
}

static int
maker_traverse(Maker *self, visitproc visit, void *arg)
{
    Py_VISIT(self->cls);
    Py_VISIT(self->keywords);
    Py_VISIT(self->defaults);
    Py_VISIT(self->required);
    return 0;
}

static int
maker_clear(Maker *self)
{
    Py_CLEAR(self->cls);
    Py_CLEAR(self->keywords);
    Py_CLEAR(self->defaults);
    Py_CLEAR(self->required);
    return 0;
}

static void
maker_dealloc(Maker *self)
{
    PyObject_GC_UnTrack(self);
    maker_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
maker_repr(Maker *self)
{
    return PyUnicode_FromFormat("<maker of %s>", self->cls->tp_name);
}

static PyTypeObject MakerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "mfaparse_native._core.Maker",
    .tp_basicsize = sizeof(Maker),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Builds an instance of one slotted class from its fields' values (see maker()).",
    .tp_traverse = (traverseproc)maker_traverse,
    .tp_clear = (inquiry)maker_clear,
    .tp_dealloc = (destructor)maker_dealloc,
    .tp_repr = (reprfunc)maker_repr,
    .tp_call = PyVectorcall_Call,
    .tp_vectorcall_offset = offsetof(Maker, vectorcall),
};

/* The offset of slot `name` in instances of `cls`: the member descriptor the class resolves the name to must be
 * an object slot (T_OBJECT_EX) of a class in cls's MRO. -1 with an exception set otherwise. */
static Py_ssize_t
slot_offset(PyTypeObject *cls, PyObject *name)
{
    PyObject *descr = PyObject_GetAttr((PyObject *)cls, name);
    if (descr == NULL) {
        return -1;
    }
    Py_ssize_t offset = -1;
    if (!Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        PyErr_Format(PyExc_TypeError, "%s.%U is not a slot", cls->tp_name, name);
    }
    else {
        PyMemberDescrObject *member = (PyMemberDescrObject *)descr;
        if (member->d_member->type != T_OBJECT_EX || (member->d_member->flags & READONLY)
            || !PyType_IsSubtype(cls, PyDescr_TYPE(member))) {
            PyErr_Format(PyExc_TypeError, "%s.%U is not a writable object slot", cls->tp_name, name);
        }
        else {
            offset = member->d_member->offset;
        }
    }
    Py_DECREF(descr);
    return offset;
}

PyObject *
records_maker(PyObject *module, PyObject *args)
{
    PyTypeObject *cls;
    PyObject *slots, *keywords, *defaults, *required;
    (void)module;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O:maker", &PyType_Type, &cls, &PyTuple_Type, &slots, &PyTuple_Type,
                          &keywords, &PyTuple_Type, &defaults, &required)) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(slots);
    if (n > MAX_FIELDS || PyTuple_GET_SIZE(keywords) != n || PyTuple_GET_SIZE(defaults) != n) {
        PyErr_Format(PyExc_ValueError, "slots, keywords and defaults must have one length, at most %d", MAX_FIELDS);
        return NULL;
    }
    if (cls->tp_alloc == NULL || cls->tp_init == NULL) {
        PyErr_Format(PyExc_TypeError, "%s cannot be instantiated", cls->tp_name);
        return NULL;
    }
    Maker *self = PyObject_GC_New(Maker, &MakerType);
    if (self == NULL) {
        return NULL;
    }
    self->vectorcall = maker_vectorcall;
    self->n = n;
    self->cls = (PyTypeObject *)Py_NewRef(cls);
    self->keywords = Py_NewRef(keywords);
    self->defaults = Py_NewRef(defaults);
    self->required = Py_NewRef(required);
    PyObject_GC_Track(self);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *name = PyTuple_GET_ITEM(slots, i);
        if (!PyUnicode_Check(name) || !PyUnicode_Check(PyTuple_GET_ITEM(keywords, i))) {
            PyErr_SetString(PyExc_TypeError, "slots and keywords must hold str");
            Py_DECREF(self);
            return NULL;
        }
        for (Py_ssize_t j = 0; j < i; j++) {
            int same = PyUnicode_Compare(PyTuple_GET_ITEM(slots, j), name);
            if (same == 0 || PyUnicode_Compare(PyTuple_GET_ITEM(keywords, j), PyTuple_GET_ITEM(keywords, i)) == 0) {
                PyErr_SetString(PyExc_ValueError, "slots and keywords must be distinct");
                Py_DECREF(self);
                return NULL;
            }
        }
        self->offsets[i] = slot_offset(cls, name);
        if (self->offsets[i] < 0) {
            Py_DECREF(self);
            return NULL;
        }
    }
    return (PyObject *)self;
}

int
records_ready(void)
{
    return PyType_Ready(&MakerType);
}
