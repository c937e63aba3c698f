/**
 * Feature flags: rules stored in PostgreSQL (on/off, a sticky percentage rollout, roles and users
 * that always get the feature), defaults from the settings, every node's copy refreshed by polling
 * a version number; evaluated through the OpenFeature SDK and served to OpenFeature clients over
 * OFREP ({@code /ofrep/v1/evaluate/flags}). Other modules ask {@link dev.parley.platform.FeatureFlags}.
 */
@NullMarked
package dev.parley.platform.flags;

import org.jspecify.annotations.NullMarked;
