# Writes one manual page per command from the CLI's own --help (help2man), so the pages never drift
# from the program. Run at build time by packaging/CMakeLists.txt:
#   cmake -DYIZHAN=<yizhan executable> -DHELP2MAN=<help2man> -DOUT=<folder> -DVERSION=<x.y.z> -P manpages.cmake
# The commands are read from `yizhan --help` (its "Subcommands:" list); pages are gzipped (Debian
# policy) as yizhan.1.gz and yizhan-<command>.1.gz.
foreach(v YIZHAN HELP2MAN OUT VERSION)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "manpages.cmake: -D${v}=... missing")
  endif()
endforeach()
execute_process(COMMAND ${YIZHAN} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "yizhan --help failed (${rc})")
endif()
string(REGEX REPLACE ".*\nSubcommands:\n" "" subs "${help}")
string(REPLACE ";" "," subs "${subs}")
string(REPLACE "\n" ";" lines "${subs}")
set(commands "")
foreach(line IN LISTS lines)
  if(line MATCHES "^  ([a-z][a-z0-9-]*)  +(.*)$")
    list(APPEND commands "${CMAKE_MATCH_1}")
    set(desc_${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
  endif()
endforeach()
if(NOT commands)
  message(FATAL_ERROR "no commands found in `yizhan --help`:\n${help}")
endif()
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})

# Sections --help does not hold, the same on every page (exit codes: src/cli/main.cpp), and
# SEE ALSO: the other pages.
set(see_also "[EXIT STATUS]\n0 success, 2 bad input (the message names the file, row, column or option and the problem), 1 internal error.\n")
string(APPEND see_also "[ENVIRONMENT]\n.TP\n.B YIZHAN_DATA\nfolder of Yizhan's data files (tag profiles, osmconf); otherwise <bin>/../share/yizhan beside the program, then the source tree it was built from.\n")
string(APPEND see_also ".TP\n.B YIZHAN_SHADERS\nfolder of the desktop planner's shaders; otherwise <bin>/../share/yizhan/shaders.\n")
string(APPEND see_also "[SEE ALSO]\n.BR yizhan (1)")
foreach(c IN LISTS commands)
  string(APPEND see_also ",\n.BR yizhan-${c} (1)")
endforeach()
string(APPEND see_also "\n.PP\nREADME.md (installed in /usr/share/doc/yizhan) explains the method, the inputs and the outputs.\n")
file(WRITE ${OUT}/sections.h2m "${see_also}")

function(page name program_name program description)
  # The main page asks `yizhan --version` itself (checking it works); commands take the version given.
  set(version_arg "--version-string=${VERSION}")
  if(name STREQUAL "yizhan")
    set(version_arg "--version-option=--version")
  endif()
  execute_process(
    # -L C.UTF-8: help2man's default C locale turns 驿站 into question marks.
    COMMAND ${HELP2MAN} -L C.UTF-8 --no-info --no-discard-stderr --section=1 "--name=${description}"
            ${version_arg} --include=${OUT}/sections.h2m
            --output=${OUT}/${name}.1 "${program}"
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "help2man ${name}: ${err}")
  endif()
  # help2man names a page after the program ("yizhan coverage"); the page is yizhan-coverage(1).
  file(READ ${OUT}/${name}.1 roff)
  string(REPLACE " " "-" title "${program_name}")
  string(TOUPPER "${title}" title)
  string(REGEX REPLACE "\n\\.TH [^ ]+ " "\n.TH ${title} " roff "${roff}")
  string(REPLACE "\n.SH NAME\n${program_name} \\-" "\n.SH NAME\n${name} \\-" roff "${roff}")
  file(WRITE ${OUT}/${name}.1 "${roff}")
  execute_process(COMMAND gzip -9nf ${OUT}/${name}.1 RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip ${name}.1 failed")
  endif()
endfunction()

page(yizhan yizhan "${YIZHAN}" "plan outdoor-worker service stations to the double-15 standard")
foreach(c IN LISTS commands)
  # help2man runs "PROGRAM --help" through the shell: "yizhan <command>" prints that command's help.
  page(yizhan-${c} "yizhan ${c}" "${YIZHAN} ${c}" "${desc_${c}}")
endforeach()
file(REMOVE ${OUT}/sections.h2m)
