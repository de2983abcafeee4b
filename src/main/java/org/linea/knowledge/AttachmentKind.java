package org.linea.knowledge;

public enum AttachmentKind {

	IMAGE, AUDIO, VIDEO, DOCUMENT, LINK

}
