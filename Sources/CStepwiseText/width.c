#define _XOPEN_SOURCE 700
#include <wchar.h>
#include "CStepwiseText.h"

int sw_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }
