/**
 * The typed model of both schemas: {@code nemo} and {@code auth} (ids as {@code uuid}) and LiteLLM (the same ids as
 * text). Each entity names its table family as its schema; {@code connection.SchemaNaming} maps the family to the
 * connection's configured schema. Hibernate never writes DDL here.
 *
 * <p>The associations follow the one-UUID rule, through the shared id itself and no mapping table:
 * <ul>
 *   <li>{@code NemoOrganization.liteLlm} and {@code NemoTeam.liteLlm}: the LiteLLM row whose text id is the uuid
 *       ({@code cast(id as text)});</li>
 *   <li>{@code LiteLlmUser.authUser}: the auth user whose id is exactly the LiteLLM id (only its canonical lowercase
 *       spelling joins);</li>
 *   <li>each side's team to its organization, an organization to its teams and LiteLLM memberships, a membership to
 *       its user, a key to its team and user.</li>
 * </ul>
 *
 * <p>Links that drift may break ({@code liteLlm}, {@code authUser}, a key's team and user) are
 * {@code @NotFound(IGNORE)}: a missing row reads as null. Hibernate makes those eager, and {@code em.find} fetches
 * them with one more select each, so code that loads these entities join-fetches them
 * ({@code left join fetch n.liteLlm}); {@code EntityAssociationTest} counts the statements. Links backed by a
 * foreign key in the database stay lazy. Managed entities never leave a service: services map them to records.
 */
package com.nemorouter.console.persistence;
