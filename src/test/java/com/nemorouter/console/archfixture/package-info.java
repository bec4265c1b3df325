/**
 * Deliberately bad classes for ArchitectureTest: each breaks exactly the rule that names it, so the test
 * can show that every rule fails on a real violation. Test code only; never imported with the product.
 */
package com.nemorouter.console.archfixture;
