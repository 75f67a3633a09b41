# cmake -DCXX=<compiler> -DINCLUDES=<dir;dir> -DUI_DIR=<sim/ui> -DWORK=<dir> -P check_ui_compile.cmake
# The views see the knowledge library and nothing else of the engine, enforced by the compiler:
# with mt_ui's include directories a source including only knowledge headers compiles, and one
# including any ground-truth or engine header does not. No view may climb out of sim/ui with "../".
set(allowed model/action.hpp model/casefile.hpp model/message.hpp model/money.hpp model/score.hpp
            model/text.hpp model/time.hpp model/vocabulary.hpp i18n/catalogue.hpp ui/widgets.hpp)
set(forbidden model/world.hpp model/ledger.hpp session/session.hpp session/journal.hpp
              scenario/loader.hpp forensics/taint.hpp seminar/client.hpp platform/window.hpp)

set(flags -std=c++20 -fsyntax-only)
foreach(dir IN LISTS INCLUDES)
    list(APPEND flags -I${dir})
endforeach()
file(MAKE_DIRECTORY ${WORK})

# compile_probe(<name> <headers...>): result in probe_status, compiler messages in probe_errors.
function(compile_probe name)
    set(source ${WORK}/${name}.cpp)
    set(text "")
    foreach(header IN LISTS ARGN)
        string(APPEND text "#include \"${header}\"\n")
    endforeach()
    file(WRITE ${source} "${text}int main() { return 0; }\n")
    execute_process(COMMAND ${CXX} ${flags} ${source} RESULT_VARIABLE status ERROR_VARIABLE errors)
    set(probe_status ${status} PARENT_SCOPE)
    set(probe_errors "${errors}" PARENT_SCOPE)
endfunction()

compile_probe(knowledge_only ${allowed})
if(NOT probe_status EQUAL 0)
    message(FATAL_ERROR "a view including only knowledge headers does not compile:\n${probe_errors}")
endif()

set(failures "")
foreach(header IN LISTS forbidden)
    string(MAKE_C_IDENTIFIER ${header} name)
    compile_probe(${name} ${header})
    if(probe_status EQUAL 0)
        string(APPEND failures "a view including ${header} compiled\n")
    elseif(NOT probe_errors MATCHES "${header}: No such file")
        string(APPEND failures "${header} failed for another reason than being out of reach:\n${probe_errors}\n")
    endif()
endforeach()

file(GLOB_RECURSE sources ${UI_DIR}/*.cpp ${UI_DIR}/*.hpp)
foreach(source IN LISTS sources)
    file(STRINGS ${source} lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"\\.\\./")
    foreach(line IN LISTS lines)
        string(APPEND failures "${source} reaches outside sim/ui: ${line}\n")
    endforeach()
endforeach()

if(failures)
    message(FATAL_ERROR "${failures}")
endif()
list(LENGTH forbidden count)
message(STATUS "knowledge headers compile; ${count} engine headers are out of reach of the views")
