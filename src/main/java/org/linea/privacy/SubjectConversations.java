package org.linea.privacy;

import java.util.List;

/** The conversations of a person, told by the module that keeps them. */
public interface SubjectConversations {

	List<Long> of(long contactId);

}
