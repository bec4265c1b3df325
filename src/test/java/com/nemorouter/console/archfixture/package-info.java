/**
 * Deliberately bad classes for ArchitectureTest, laid out like the real packages: every rule names one of
 * them that it must fail on (some break more than one rule), so the test shows each rule catching a real
 * violation. Test code only; never imported with the product.
 */
package com.nemorouter.console.archfixture;
