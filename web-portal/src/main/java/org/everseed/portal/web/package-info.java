/**
 * HTTP adapters of the portal: the REST API for CI ({@code /api/v1/publications}), the publisher
 * pages, and the published files with Range support ({@code /files/{id}/{name}}, RFC 9110), which
 * serve as the web seed (BEP 19).
 */
package org.everseed.portal.web;
