#pragma once

/* Register the test driver (test:///default) with the library. */
int testRegister(void);
