# cmake -DCACHE=<dir> -P link_em_cache.cmake
# Makes <dir> an emscripten cache of symbolic links to Debian's prebuilt one (a fraction of a
# second; nothing is copied or compiled).
set(DEBIAN_CACHE /usr/share/emscripten/cache)
if(EXISTS ${CACHE}/sysroot_install.stamp)
    return()
endif()
if(NOT EXISTS ${DEBIAN_CACHE}/sysroot_install.stamp)
    message(FATAL_ERROR "${DEBIAN_CACHE} is not a complete emscripten cache: reinstall the Debian package emscripten")
endif()
file(REMOVE_RECURSE ${CACHE})
get_filename_component(parent ${CACHE} DIRECTORY)
file(MAKE_DIRECTORY ${parent})
execute_process(COMMAND cp -rs ${DEBIAN_CACHE} ${CACHE} RESULT_VARIABLE result ERROR_VARIABLE error)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "Could not link ${DEBIAN_CACHE} into ${CACHE}: ${error}")
endif()
# The lock file is emscripten's to create; a link to the system's would be shared.
file(REMOVE ${CACHE}/cache.lock)
