#include "Transcript.h"
