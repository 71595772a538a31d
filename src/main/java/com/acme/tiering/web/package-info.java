/**
 * Server-rendered pages for operations managers, rule authors and auditors: Thymeleaf templates under
 * {@code templates/}, a little htmx for live parts, charts from a WebJar. Page controllers call the same
 * services as the API and never the API itself; a change made on a page is checked, audited and recorded
 * exactly as the same change through the API.
 */
package com.acme.tiering.web;
