# Runs at install time on Linux: writes PROGRAM.1.gz from the `PROGRAM --help` of the built
# binary (the same text, so the page can never disagree with the program) and installs it in
# share/man/man1. A small help2man without the dependency.
#
# In: HUBBUB_PROGRAM (the built binary), HUBBUB_NAME (its name), HUBBUB_SUMMARY (one line),
#     HUBBUB_VERSION, HUBBUB_SEE_ALSO (roff, its hyphens escaped here), HUBBUB_STAGING_DIR, HUBBUB_MANDIR (relative to
#     the prefix), HUBBUB_GZIP.

execute_process(COMMAND "${HUBBUB_PROGRAM}" --help
    OUTPUT_VARIABLE _help ERROR_VARIABLE _error RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
    message(FATAL_ERROR "${HUBBUB_PROGRAM} --help failed (${_result}): ${_error}")
endif()
# "Usage: /path/of/the/build/hubbub-server [options]" names the program as it is installed.
string(REGEX REPLACE "Usage: [^ \n]*" "Usage: ${HUBBUB_NAME}" _help "${_help}")
# roff: a backslash is \e; a line starting with . or ' would be a request.
string(REPLACE "\\" "\\e" _help "${_help}")
string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" _help "${_help}")
string(REGEX MATCH "Usage: ${HUBBUB_NAME} ([^\n]*)" _usage "${_help}")
# \- is a minus, which copies as "-"; a plain - may print as a hyphen (U+2010).
string(REPLACE "-" "\\-" _help "${_help}")
string(REPLACE "-" "\\-" _synopsis "${CMAKE_MATCH_1}")
string(TOUPPER "${HUBBUB_NAME}" _title)
string(REPLACE "-" "\\-" _name "${HUBBUB_NAME}")
string(REPLACE "-" "\\-" _see_also "${HUBBUB_SEE_ALSO}")
file(WRITE "${HUBBUB_STAGING_DIR}/${HUBBUB_NAME}.1"
".TH ${_title} 1 \"\" \"Hubbub ${HUBBUB_VERSION}\" \"User Commands\"
.SH NAME
${_name} \\- ${HUBBUB_SUMMARY}
.SH SYNOPSIS
.B ${_name}
${_synopsis}
.SH DESCRIPTION
The text of
.BR \"${_name} \\-\\-help\" :
.PP
.nf
${_help}.fi
.SH SEE ALSO
${_see_also}
")
execute_process(COMMAND "${HUBBUB_GZIP}" -9nf "${HUBBUB_STAGING_DIR}/${HUBBUB_NAME}.1"
    RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
    message(FATAL_ERROR "gzip ${HUBBUB_NAME}.1 failed")
endif()
string(REGEX REPLACE "/+$" "" _prefix "${CMAKE_INSTALL_PREFIX}")
file(INSTALL DESTINATION "${_prefix}/${HUBBUB_MANDIR}/man1" TYPE FILE
    FILES "${HUBBUB_STAGING_DIR}/${HUBBUB_NAME}.1.gz")
