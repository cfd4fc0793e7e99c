/** Publications: a publisher's file, its state, and the links that reach it. */
package org.everseed.portal.publication;
