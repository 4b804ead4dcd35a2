/** Rules for calls: prerecorded and artificial voices to mobiles, AI voices, recorded calls. */
package org.consentry.policy.rules.voice;
