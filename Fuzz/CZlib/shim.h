#ifndef caresurvey_fuzz_zlib_shim_h
#define caresurvey_fuzz_zlib_shim_h
#include <stdio.h>
#include <zlib.h>
#endif
