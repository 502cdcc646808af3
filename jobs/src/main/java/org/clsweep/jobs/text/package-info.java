/** Text for people: how numbers are shown in reports and notebooks. */
package org.clsweep.jobs.text;
