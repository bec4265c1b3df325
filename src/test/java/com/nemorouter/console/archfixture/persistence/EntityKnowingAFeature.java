package com.nemorouter.console.archfixture.persistence;

import com.nemorouter.console.archfixture.organization.PlainRecord;

/** An entity that knows a feature's record. */
public class EntityKnowingAFeature {
    PlainRecord row;
}
