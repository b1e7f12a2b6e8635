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

#endif
