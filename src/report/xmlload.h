/*
 * libxml2 loaded (dlopen) when the first HTML page, Word file or PDF
 * comes, not at every start: with ICU and libstdc++, which it pulls in,
 * it was 2.9 M instructions and over a millisecond of every process's
 * start, and most runs read plain text only.  A program linked with it
 * (the fuzz and sanitizer builds) uses its own copy.
 *
 * A module that calls libxml2 includes this header; the functions it
 * calls keep their names and go through the pointers below.  Call
 * xml_load before the first of them.
 */
#ifndef GIP_XMLLOAD_H
#define GIP_XMLLOAD_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

/* The libxml2 functions gip calls. */
#define XML_FUNCS(X) X(htmlCtxtReadMemory) X(htmlFreeParserCtxt) \
	X(htmlNewParserCtxt) X(xmlDocGetRootElement) X(xmlFreeDoc) \
	X(xmlFreeTextReader) X(xmlHasProp) X(xmlNodeGetContent) \
	X(xmlReadMemory) X(xmlReaderForMemory) \
	X(xmlTextReaderConstLocalName) X(xmlTextReaderGetAttribute) \
	X(xmlTextReaderNodeType) X(xmlTextReaderRead) \
	X(xmlTextReaderReadString)

#define XML_POINTER(f)	__typeof__(f) *f;
struct xml_funcs {
	XML_FUNCS(XML_POINTER)
	xmlFreeFunc	*free;	/* where libxml2 keeps its xmlFree */
};
#undef XML_POINTER

extern struct xml_funcs xml_f;

/* libxml2 loaded (once); 0 after a message naming `name`. */
int	xml_load(const char *name);

#ifndef XMLLOAD_IMPL
#define htmlCtxtReadMemory	xml_f.htmlCtxtReadMemory
#define htmlFreeParserCtxt	xml_f.htmlFreeParserCtxt
#define htmlNewParserCtxt	xml_f.htmlNewParserCtxt
#define xmlDocGetRootElement	xml_f.xmlDocGetRootElement
#define xmlFreeDoc		xml_f.xmlFreeDoc
#define xmlFreeTextReader	xml_f.xmlFreeTextReader
#define xmlHasProp		xml_f.xmlHasProp
#define xmlNodeGetContent	xml_f.xmlNodeGetContent
#define xmlReadMemory		xml_f.xmlReadMemory
#define xmlReaderForMemory	xml_f.xmlReaderForMemory
#define xmlTextReaderConstLocalName xml_f.xmlTextReaderConstLocalName
#define xmlTextReaderGetAttribute xml_f.xmlTextReaderGetAttribute
#define xmlTextReaderNodeType	xml_f.xmlTextReaderNodeType
#define xmlTextReaderRead	xml_f.xmlTextReaderRead
#define xmlTextReaderReadString	xml_f.xmlTextReaderReadString
#undef xmlFree
#define xmlFree			(*xml_f.free)
#endif

#endif
