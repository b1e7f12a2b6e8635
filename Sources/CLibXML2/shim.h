// The parts of libxml2 that cjm's XML importer uses: the streaming reader, XSD validation
// and structured errors.
#ifndef CJM_CLIBXML2_SHIM_H
#define CJM_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// libxml2 built with ICU declares ICU types (UErrorCode) that clash with Foundation's copy of
// ICU when one Swift module imports both; cjm needs none of ICU's encodings.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

// libxml2 prints some errors (encoding errors, "Unimplemented block" notes from the schema
// validator) straight to standard error through its generic handler, which Swift cannot set
// because the handler is variadic. cjm reports every problem through structured errors, so
// the generic channel is silenced, for the calling thread and for threads started later.
static void cjm_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void cjm_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, cjm_ignore_generic_error);
    xmlThrDefSetGenericErrorFunc(NULL, cjm_ignore_generic_error);
}

#endif
