// zlib for the XLSX reader (inflate, CRC-32) and the zip writer (deflate).
#include <zlib.h>
